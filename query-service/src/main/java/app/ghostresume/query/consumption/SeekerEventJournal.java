package app.ghostresume.query.consumption;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.query.platform.SqlArrays;
import app.ghostresume.query.seeker.SeekerDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes each event once into {@code seeker_event}; its unique aggregate position (migration V17) turns a
 * redelivery into zero inserted rows. Stores the event's calendar date
 * ({@link SeekerDirectory#dayOf}) and its payload in the journal's format ({@link JournaledEvents}). Events are journaled under the seeker who did
 * them: a reflection on its author's timeline and in the attempt's history; a share event on its actor's (the
 * author's share or withdrawal, a supporter's support), never on anyone else's.
 */
@Component
class SeekerEventJournal implements EventJournal {

    private final JdbcClient jdbc;
    private final JournaledEvents format;
    private final SeekerDirectory seekers;

    SeekerEventJournal(JdbcClient jdbc, JournaledEvents format, SeekerDirectory seekers) {
        this.jdbc = jdbc;
        this.format = format;
        this.seekers = seekers;
    }

    @Override
    public boolean record(EventEnvelope event) {
        int inserted = jdbc.sql("""
                INSERT INTO seeker_event
                    (event_id, seeker_id, aggregate_id, aggregate_sequence, type, event_date, occurred_at, details)
                VALUES (:eventId, :seekerId, :aggregateId, :sequence, :type, :date, :occurredAt,
                        CAST(:details AS jsonb))
                ON CONFLICT DO NOTHING
                """)
                .param("eventId", event.eventId())
                .param("seekerId", event.seekerId())
                .param("aggregateId", event.aggregateId())
                .param("sequence", event.aggregateSequence())
                .param("type", event.type())
                .param("date", seekers.dayOf(event))
                .param("occurredAt", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                .param("details", format.details(event))
                .update();
        return inserted == 1;
    }

    @Override
    public Set<UUID> recordAll(List<EventEnvelope> events) {
        // seekers who register in this batch are not in the seeker table yet when their later events are dated
        Map<UUID, ZoneId> registeredHere = new HashMap<>();
        List<LocalDate> dates = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            if (event.payload() instanceof SeekerRegistered registered && registered.timeZone() != null) {
                registeredHere.put(registered.seekerId(), registered.timeZone());
            }
            dates.add(seekers.dayOf(event, registeredHere.get(event.seekerId())));
        }
        List<UUID> inserted = jdbc.sql("""
                INSERT INTO seeker_event
                    (event_id, seeker_id, aggregate_id, aggregate_sequence, type, event_date, occurred_at, details)
                SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS bigint[]),
                                     CAST(? AS text[]), CAST(? AS date[]), CAST(? AS timestamptz[]),
                                     CAST(? AS jsonb[]))
                ON CONFLICT DO NOTHING
                RETURNING event_id
                """)
                .params(SqlArrays.column(events, EventEnvelope::eventId), SqlArrays.column(events,
                        EventEnvelope::seekerId),
                        SqlArrays.column(events, EventEnvelope::aggregateId),
                        SqlArrays.column(events, EventEnvelope::aggregateSequence),
                        SqlArrays.column(events, EventEnvelope::type), SqlArrays.column(dates, date -> date),
                        SqlArrays.column(events, EventEnvelope::occurredAt),
                        SqlArrays.column(events, format::details))
                .query(UUID.class)
                .list();
        return new HashSet<>(inserted);
    }
}
