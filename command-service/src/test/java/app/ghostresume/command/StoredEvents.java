package app.ghostresume.command;

import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import app.ghostresume.events.EventType;
import app.ghostresume.events.PersonalFields;
import app.ghostresume.events.SeekerEvent;
import app.ghostresume.personal.Sealing;
import app.ghostresume.personal.SeekerKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the integration tests read from the event store: counts of events and the payload of the latest one, its
 * personal fields opened with the seeker's key (as stored they are sealed).
 */
final class StoredEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final SeekerKeys keys;

    StoredEvents(JdbcClient jdbc, SeekerKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** The event with its personal fields opened, as its seeker would read it. */
    <E extends SeekerEvent> E opened(E event) {
        return Sealing.open(event, keys.openingKey(event.seekerId()).orElse(null));
    }

    /** The payload of the latest event of a type in an aggregate's stream. */
    JsonNode payload(String aggregateId, String type) {
        ObjectNode payload = (ObjectNode) JSON.readTree(jdbc.sql("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                WHERE aggregate_identifier = :a AND payload_type LIKE :t ORDER BY sequence_number DESC LIMIT 1
                """).param("a", aggregateId).param("t", "%." + type).query(String.class).single());
        UUID seeker = UUID.fromString(payload.get("seekerId").asString());
        EventType eventType = EventType.named(type).orElseThrow();
        for (String field : PersonalFields.names(eventType.eventClass())) {
            if (payload.hasNonNull(field)) {
                assertThat(payload.get(field).asString()).as("%s.%s as stored", type, field)
                        .startsWith(Sealing.PREFIX);
                payload.put(field, Sealing.openText(payload.get(field).asString(), seeker,
                        keys.openingKey(seeker).orElse(null)));
            }
        }
        return payload;
    }

    long eventsOfType(String aggregateId, String type) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :a "
                + "AND payload_type LIKE :t").param("a", aggregateId).param("t", "%." + type)
                .query(Long.class).single();
    }

    long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    /** A date in a stored payload: Axon's serializer writes dates as {@code [year, month, day]}. */
    static String date(JsonNode node) {
        return node.isArray() ? LocalDate.of(node.get(0).asInt(), node.get(1).asInt(), node.get(2).asInt()).toString()
                : node.asString();
    }

    /** The seeker a bearer token was issued to (its subject). */
    static UUID seekerIdOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return UUID.fromString(JSON.readTree(payload).get("sub").asString());
    }
}
