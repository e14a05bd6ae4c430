package app.ghostresume.command;

import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the integration tests read from the event store: counts of events and the payload of the latest one. */
final class StoredEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    StoredEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The payload of the latest event of a type in an aggregate's stream. */
    JsonNode payload(String aggregateId, String type) {
        return JSON.readTree(jdbc.sql("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                WHERE aggregate_identifier = :a AND payload_type LIKE :t ORDER BY sequence_number DESC LIMIT 1
                """).param("a", aggregateId).param("t", "%." + type).query(String.class).single());
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
