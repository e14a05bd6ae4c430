package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A seeker started a group challenge ("November of NO") running from {@code startsOn} to {@code endsOn}, both
 * included. The creator joins it in the same step ({@link ChallengeJoined} follows).
 *
 * @param inviteCode the code that lets others join an INVITE challenge; {@code null} for a PUBLIC one
 */
public record ChallengeCreated(UUID challengeId, UUID seekerId, String name, String description,
        LocalDate startsOn, LocalDate endsOn, ChallengeGoal goal, ChallengeVisibility visibility, String inviteCode,
        LocalDate createdOn)
        implements ChallengeEvent {

    /** {@code createdOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(createdOn);
    }
}
