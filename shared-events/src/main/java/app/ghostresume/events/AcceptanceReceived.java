package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A yes. */
public record AcceptanceReceived(UUID attemptId, UUID seekerId, LocalDate receivedOn, @PersonalData String notes)
        implements AttemptEvent {

    /** {@code receivedOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(receivedOn);
    }
}
