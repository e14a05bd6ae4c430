package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * When to nudge and when to give up on a waiting attempt, from its dates and the seeker's windows for its
 * category. Set when the attempt is logged and again when a correction moves its dates.
 *
 * @param followUpOn the day a follow-up reminder falls due, or {@code null} when the attempt would be ghosted
 *     first
 * @param ghostedAfter the last day an answer is still in time; the day after it the attempt counts as ghosted
 */
public record ResponseDeadlinesSet(UUID attemptId, UUID seekerId, LocalDate followUpOn, LocalDate ghostedAfter)
        implements AttemptEvent {

    /** None: it is about the day it was stored, in its seeker's time zone. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.empty();
    }
}
