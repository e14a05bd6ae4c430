package app.ghostresume.events;

import java.util.UUID;

/** Every event belongs to exactly one seeker; that seeker's id is the Kafka key, which keeps their events in order. */
public sealed interface SeekerEvent permits SeekerRegistered, AttemptEvent {

    UUID seekerId();
}
