package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A seeker became a member. From now on the group sees their counts inside the challenge window (by the facts'
 * own dates, so days before {@code joinedOn} count too), never their targets, titles or notes.
 */
public record ChallengeJoined(UUID challengeId, UUID seekerId, LocalDate joinedOn) implements ChallengeEvent {

    /** {@code joinedOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(joinedOn);
    }
}
