package app.ghostresume.events;

import java.util.UUID;

/**
 * Every event is done by exactly one seeker: {@code seekerId} is that person (the owner of an attempt or a
 * goal, the member who joins a challenge).
 */
public sealed interface SeekerEvent
        permits SeekerRegistered, SeekerSettingsChanged, ProfileChanged, PauseScheduled, PauseCancelled, AttemptEvent,
        GoalEvent, ChallengeEvent, ShareEvent {

    UUID seekerId();

    /**
     * The Kafka key: events with the same key keep their order on the topic. A seeker's own history is keyed by
     * the seeker; a challenge, which many seekers share, by the challenge (see {@link ChallengeEvent}).
     */
    default UUID orderingKey() {
        return seekerId();
    }
}
