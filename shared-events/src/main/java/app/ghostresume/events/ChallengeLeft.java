package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A member left; the group no longer sees anything of theirs. They may join again while the challenge runs. */
public record ChallengeLeft(UUID challengeId, UUID seekerId, LocalDate leftOn) implements ChallengeEvent {

    /** {@code leftOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(leftOn);
    }
}
