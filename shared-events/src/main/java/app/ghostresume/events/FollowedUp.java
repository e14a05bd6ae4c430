package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The seeker nudged the other side about a waiting attempt; closes an open follow-up reminder. */
public record FollowedUp(UUID attemptId, UUID seekerId, LocalDate followedUpOn) implements AttemptEvent {

    /** {@code followedUpOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(followedUpOn);
    }
}
