package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The attempt moved on a stage, such as "interview round 3", without an outcome yet. */
public record AttemptAdvanced(UUID attemptId, UUID seekerId, @PersonalData String stage, LocalDate on,
        @PersonalData String notes)
        implements AttemptEvent {

    /** {@code on}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(on);
    }
}
