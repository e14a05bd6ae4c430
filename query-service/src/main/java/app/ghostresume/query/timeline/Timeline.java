package app.ghostresume.query.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import app.ghostresume.query.platform.Cursor;
import app.ghostresume.query.platform.StorableDates;
import app.ghostresume.query.platform.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code seeker_event}: a seeker's events newest first, and one aggregate's history oldest first. */
@Component
public class Timeline {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Timeline(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Page<TimelineItem> page(UUID seekerId, int limit, String cursor) {
        Position after = cursor == null ? null
                : Cursor.decode(cursor, 2, keys -> new Position(
                        StorableDates.require(Instant.parse(keys.get(0)), "cursor"), UUID.fromString(keys.get(1))));
        JdbcClient.StatementSpec query = jdbc.sql("""
                SELECT event_id, type, aggregate_id, event_date, occurred_at, details
                FROM seeker_event
                WHERE seeker_id = :seekerId
                %s
                ORDER BY occurred_at DESC, event_id DESC
                LIMIT %d
                """.formatted(after == null ? "" : "AND (occurred_at, event_id) < (:afterAt, :afterId)", limit + 1))
                .param("seekerId", seekerId);
        if (after != null) {
            query = query.param("afterAt", OffsetDateTime.ofInstant(after.occurredAt(), ZoneOffset.UTC))
                    .param("afterId", after.eventId());
        }
        List<TimelineItem> rows = query
                .query((rs, row) -> new TimelineItem(rs.getObject("event_id", UUID.class), rs.getString("type"),
                        rs.getString("aggregate_id"), rs.getObject("event_date", LocalDate.class), recordedAt(rs),
                        details(rs)))
                .list();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<TimelineItem> items = rows.subList(0, limit);
        TimelineItem last = items.get(limit - 1);
        return new Page<>(items, Cursor.encode(last.recordedAt(), last.eventId()));
    }

    /** What happened to one aggregate (an attempt, say), in order; only the seeker's own events. */
    public List<HistoryEntry> historyOf(UUID seekerId, String aggregateId) {
        return jdbc.sql("""
                SELECT type, event_date, occurred_at, details
                FROM seeker_event
                WHERE aggregate_id = :aggregateId AND seeker_id = :seekerId
                ORDER BY aggregate_sequence
                """)
                .param("aggregateId", aggregateId)
                .param("seekerId", seekerId)
                .query((rs, row) -> new HistoryEntry(rs.getString("type"), rs.getObject("event_date", LocalDate.class),
                        recordedAt(rs), details(rs)))
                .list();
    }

    private static Instant recordedAt(ResultSet rs) throws SQLException {
        return rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
    }

    private JsonNode details(ResultSet rs) throws SQLException {
        return json.readTree(rs.getString("details"));
    }

    /** One event of an aggregate's history. */
    public record HistoryEntry(String type, LocalDate date, Instant recordedAt, JsonNode details) {
    }

    /** One event on the seeker's timeline. */
    record TimelineItem(UUID eventId, String type, String aggregateId, LocalDate date, Instant recordedAt,
            JsonNode details) {
    }

    private record Position(Instant occurredAt, UUID eventId) {
    }
}
