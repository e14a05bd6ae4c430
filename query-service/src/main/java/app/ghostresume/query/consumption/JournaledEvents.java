package app.ghostresume.query.consumption;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import app.ghostresume.events.AttemptEvent;
import app.ghostresume.events.ChallengeEvent;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.EventType;
import app.ghostresume.events.GoalEvent;
import app.ghostresume.events.SeekerEvent;
import app.ghostresume.query.platform.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The journal ({@code seeker_event}) as an event log to replay: its format, and its events read back as they
 * travelled. A row keeps an event's payload minus what its other columns already say (the seeker, and the id that
 * is the aggregate's own id), so each event is restored whole: its id, type, version, seeker, aggregate position,
 * the moment it was recorded ({@code occurred_at}) and its payload. Reports replay it up to an instant; they read
 * no read model. Personal fields an erasure removed come back absent.
 */
@Component
public class JournaledEvents {

    /** The fields a row's columns repeat: the seeker, and the aggregate's own id (only when it is that). */
    private static final List<String> IDS = List.of("attemptId", "goalId", "challengeId", "seekerId");

    /**
     * The payload as it travelled, made by PostgreSQL from the row: its details with the seeker and, for an
     * attempt's, a goal's or a challenge's event, the aggregate's own id put back, so that Java reads each record in
     * one pass.
     */
    private static final String PAYLOAD = "CAST(details || jsonb_build_object('seekerId', seeker_id) || CASE type "
            + Arrays.stream(EventType.values())
                    .flatMap(type -> ownIdField(type.eventClass()).stream()
                            .map(field -> "WHEN '" + type.typeName() + "' THEN jsonb_build_object('" + field
                                    + "', aggregate_id) "))
                    .collect(Collectors.joining())
            + "ELSE '{}'::jsonb END AS text) AS payload\n";

    /** The order a replay folds in: as recorded, each aggregate's events in their sequence. */
    private static final String ORDER = "ORDER BY occurred_at, aggregate_id, aggregate_sequence";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JournaledEvents(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Every event the seeker did, recorded up to {@code asOf} (included), in order. */
    public List<EventEnvelope> ofSeeker(UUID seekerId, Instant asOf) {
        return ofSeekers(List.of(seekerId), asOf);
    }

    /** Every event these seekers did, recorded up to {@code asOf} (included), in order. */
    public List<EventEnvelope> ofSeekers(Collection<UUID> seekerIds, Instant asOf) {
        return seekerIds.isEmpty() ? List.of() : replayed("", "seeker_id = ANY(CAST(:seekerIds AS uuid[]))",
                Map.of("seekerIds", ids(seekerIds), "asOf", at(asOf)));
    }

    /** The events of these types these seekers did, recorded up to {@code asOf} (included), in order. */
    public List<EventEnvelope> ofSeekers(Collection<UUID> seekerIds, Instant asOf, Collection<EventType> types) {
        return seekerIds.isEmpty() ? List.of() : replayed("",
                "seeker_id = ANY(CAST(:seekerIds AS uuid[])) AND type = ANY(CAST(:types AS text[]))",
                Map.of("seekerIds", ids(seekerIds), "asOf", at(asOf), "types", names(types)));
    }

    /**
     * The events of these types of the attempts these seekers logged that have a counted fact (a sending or an
     * outcome) dated from {@code from} to {@code to}, or were ever corrected (a correction may move a date into
     * those days), as recorded up to {@code asOf}, in order: what a window's counts need, without decoding the
     * rest of each history. An event's date is the journal's {@code event_date}, the day it is about.
     */
    public List<EventEnvelope> ofAttemptsDatedWithin(Collection<UUID> seekerIds, LocalDate from, LocalDate to,
            Instant asOf, Collection<EventType> types) {
        if (seekerIds.isEmpty()) {
            return List.of();
        }
        return replayed("""
                WITH dated AS (
                    SELECT DISTINCT aggregate_id FROM seeker_event
                    WHERE seeker_id = ANY(CAST(:seekerIds AS uuid[])) AND occurred_at <= :asOf
                      AND (type = ANY(CAST(:facts AS text[])) AND event_date BETWEEN :from AND :to
                           OR type = :corrected)
                )
                """, "aggregate_id IN (SELECT aggregate_id FROM dated) AND type = ANY(CAST(:types AS text[]))",
                Map.of("seekerIds", ids(seekerIds), "asOf", at(asOf), "types", names(types),
                        "facts", names(List.of(EventType.ATTEMPT_LOGGED, EventType.REJECTION_RECEIVED,
                                EventType.ACCEPTANCE_RECEIVED, EventType.ATTEMPT_GHOSTED,
                                EventType.ATTEMPT_WITHDRAWN)),
                        "corrected", EventType.ATTEMPT_CORRECTED.typeName(), "from", from, "to", to));
    }

    /** Every event of these aggregates (a challenge, shares), whoever did it, recorded up to {@code asOf}. */
    public List<EventEnvelope> ofAggregates(Collection<String> aggregateIds, Instant asOf) {
        return aggregateIds.isEmpty() ? List.of() : replayed("", "aggregate_id = ANY(CAST(:aggregateIds AS text[]))",
                Map.of("aggregateIds", SqlArrays.column(List.copyOf(aggregateIds), id -> id), "asOf", at(asOf)));
    }

    /** The events of the rows {@code where} picks (after the statement's {@code with}), recorded up to :asOf. */
    private List<EventEnvelope> replayed(String with, String where, Map<String, Object> parameters) {
        List<Optional<EventEnvelope>> rows = jdbc.sql(with
                + "SELECT event_id, seeker_id, aggregate_id, aggregate_sequence, type, occurred_at, " + PAYLOAD
                + "FROM seeker_event\nWHERE " + where + " AND occurred_at <= :asOf\n" + ORDER)
                .params(parameters)
                .query((rs, row) -> restore(rs))
                .list();
        return inAggregateOrder(rows);
    }

    private static Object ids(Collection<UUID> seekerIds) {
        return SqlArrays.column(List.copyOf(seekerIds), id -> id);
    }

    private static Object names(Collection<EventType> types) {
        return SqlArrays.column(List.copyOf(types), EventType::typeName);
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * The events in the order recorded, but each aggregate's always in its own sequence: two instances' clocks may
     * disagree by a little, and an aggregate's history must never run backwards. Each aggregate keeps the places
     * its events took; they are filled with its events in sequence order.
     */
    static List<EventEnvelope> inAggregateOrder(List<Optional<EventEnvelope>> rows) {
        List<EventEnvelope> events = rows.stream().flatMap(Optional::stream).toList();
        Map<String, List<EventEnvelope>> byAggregate = new HashMap<>();
        events.forEach(event -> byAggregate.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event));
        Map<String, Iterator<EventEnvelope>> inSequence = new HashMap<>();
        byAggregate.forEach((id, ofAggregate) -> {
            ofAggregate.sort(Comparator.comparingLong(EventEnvelope::aggregateSequence));
            inSequence.put(id, ofAggregate.iterator());
        });
        List<EventEnvelope> ordered = new ArrayList<>(events.size());
        events.forEach(event -> ordered.add(inSequence.get(event.aggregateId()).next()));
        return ordered;
    }

    /** What a row keeps of an event: its payload without the seeker, its aggregate's own id and empty fields. */
    String details(EventEnvelope event) {
        ObjectNode details = json.valueToTree(event.payload());
        for (String id : IDS) {
            JsonNode value = details.get(id);
            if (value != null && (id.equals("seekerId") || value.asString().equals(event.aggregateId()))) {
                details.remove(id);
            }
        }
        details.removeIf(JsonNode::isNull);
        return json.writeValueAsString(details);
    }

    /** The event a row holds; empty for a type this build does not know (a consumer skips those too). */
    private Optional<EventEnvelope> restore(ResultSet rs) throws SQLException {
        Optional<EventType> type = EventType.named(rs.getString("type"));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        SeekerEvent payload = json.readValue(rs.getString("payload"), type.get().eventClass());
        return Optional.of(new EventEnvelope(rs.getObject("event_id", UUID.class), type.get().typeName(),
                type.get().version(), rs.getObject("seeker_id", UUID.class), rs.getString("aggregate_id"),
                rs.getLong("aggregate_sequence"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                payload));
    }

    /** The payload field that names the aggregate an event of this type belongs to, where one was taken out. */
    private static Optional<String> ownIdField(Class<? extends SeekerEvent> type) {
        if (AttemptEvent.class.isAssignableFrom(type)) {
            return Optional.of("attemptId");
        }
        if (GoalEvent.class.isAssignableFrom(type)) {
            return Optional.of("goalId");
        }
        if (ChallengeEvent.class.isAssignableFrom(type)) {
            return Optional.of("challengeId");
        }
        return Optional.empty();
    }
}
