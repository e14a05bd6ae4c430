package app.ghostresume.events;

import java.util.UUID;

/**
 * An event in the life of a group challenge. Many seekers act on one challenge, so its events are keyed by the
 * challenge to keep them in order; a member's attempts travel under the member's key, on another partition,
 * and may arrive before or after the membership.
 */
public sealed interface ChallengeEvent extends SeekerEvent
        permits ChallengeCreated, ChallengeJoined, ChallengeLeft {

    UUID challengeId();

    @Override
    default UUID orderingKey() {
        return challengeId();
    }
}
