package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * No answer. Either the seeker stopped expecting one, or ({@code automatic}) the ghosting window passed while
 * the attempt was still waiting. A late reply may still follow. Events written before {@code automatic}
 * existed read as {@code false}: they were all declared by the seeker.
 */
public record AttemptGhosted(UUID attemptId, UUID seekerId, LocalDate declaredOn, boolean automatic)
        implements AttemptEvent {

    /** {@code declaredOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(declaredOn);
    }
}
