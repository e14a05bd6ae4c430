package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A seeker sent an application, a pitch, a submission... Dates are calendar dates in the seeker's time zone. */
public record AttemptLogged(UUID attemptId, UUID seekerId, Category category, @PersonalData String target,
        @PersonalData String title, @PersonalData String notes, LocalDate sentOn, LocalDate expectedResponseBy)
        implements AttemptEvent {

    /** {@code sentOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(sentOn);
    }
}
