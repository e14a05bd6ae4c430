package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A no. {@code sting} (1-5, optional) is how much it hurt. */
public record RejectionReceived(UUID attemptId, UUID seekerId, LocalDate receivedOn, @PersonalData String stageReached,
        @PersonalData String feedback, Integer sting) implements AttemptEvent {

    /** {@code receivedOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(receivedOn);
    }
}
