package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Every event is done by exactly one seeker: {@code seekerId} is that person (the owner of an attempt or a
 * goal, the member who joins a challenge).
 */
public sealed interface SeekerEvent
        permits SeekerRegistered, SeekerSettingsChanged, ProfileChanged, PauseScheduled, PauseCancelled, AttemptEvent,
        GoalEvent, ChallengeEvent, ShareEvent, SeekerErased {

    UUID seekerId();

    /**
     * The calendar day this event is about, in the acting seeker's calendar: the day an attempt was sent, a no
     * came, a goal was retired, a challenge joined, a share supported. Empty for an event about no day of its own
     * (a registration, a correction, a change of settings or of a goal): that one is about the day it was stored,
     * in its seeker's time zone, which a consumer knows in order because such events are keyed by their seeker.
     * Events keyed by a challenge or a share always carry their day, so dating them never waits for another
     * partition. Each event type must choose; a new one cannot compile without choosing.
     *
     * <p>A day added to an event type after it was first written (a challenge's creation, a share's later events)
     * is an additive field of version 1: an older payload without it has none, and is dated as one that names no
     * day.
     */
    Optional<LocalDate> ownDate();

    /**
     * The Kafka key: events with the same key keep their order on the topic. A seeker's own history is keyed by
     * the seeker; a challenge or a share, which many seekers act on, by the challenge ({@link ChallengeEvent}) or
     * the share ({@link ShareEvent}).
     */
    default UUID orderingKey() {
        return seekerId();
    }
}
