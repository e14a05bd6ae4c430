package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The seeker pulled out before an answer. */
public record AttemptWithdrawn(UUID attemptId, UUID seekerId, LocalDate on, @PersonalData String reason)
        implements AttemptEvent {

    /** {@code on}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(on);
    }
}
