package app.ghostresume.command.attempt;

import java.util.UUID;

/**
 * Reads what may be shared of an attempt, for another aggregate's command (a share). Must be called inside that
 * command's unit of work: the attempt is loaded (and locked) through its repository, and nothing is recorded on it.
 */
@FunctionalInterface
public interface ShareableAttempts {

    /**
     * @throws app.ghostresume.command.platform.RuleViolation a 404 for an unknown attempt or another seeker's, a
     *         422 {@code not-shareable} for one still waiting or withdrawn
     */
    ShareableAttempt shareable(UUID attemptId, UUID seekerId);
}
