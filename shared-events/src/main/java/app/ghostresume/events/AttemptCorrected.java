package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The seeker fixed details of a logged attempt. Only the changed fields are set; a {@code null} field is
 * unchanged.
 */
public record AttemptCorrected(UUID attemptId, UUID seekerId, Category category, @PersonalData String target,
        @PersonalData String title, @PersonalData String notes, LocalDate sentOn, LocalDate expectedResponseBy)
        implements AttemptEvent {

    /** None: it is about the day it was stored, in its seeker's time zone. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.empty();
    }
}
