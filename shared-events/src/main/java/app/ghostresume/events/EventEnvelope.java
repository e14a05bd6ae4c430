package app.ghostresume.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One event as it travels on the seeker-events topic: its identity, where it came from and its payload.
 * {@code aggregateId} and {@code aggregateSequence} place it in its aggregate's history; {@code eventId} is
 * unique and lets consumers drop redeliveries.
 */
public record EventEnvelope(UUID eventId, String type, int version, UUID seekerId, String aggregateId,
        long aggregateSequence, Instant occurredAt, SeekerEvent payload) {

    public static EventEnvelope wrap(UUID eventId, String aggregateId, long aggregateSequence, Instant occurredAt,
            SeekerEvent payload) {
        EventType type = EventType.of(payload);
        return new EventEnvelope(eventId, type.typeName(), type.version(), payload.seekerId(), aggregateId,
                aggregateSequence, occurredAt, payload);
    }
}
