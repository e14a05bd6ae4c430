package app.ghostresume.query.reflection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import app.ghostresume.events.Category;
import app.ghostresume.events.Personal;
import app.ghostresume.query.platform.Cursor;
import app.ghostresume.query.platform.Page;
import app.ghostresume.query.platform.StorableDates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@code reflection}: a seeker's reflections newest first, and one attempt's oldest first; only their own. */
@Component
public class Reflections {

    private final JdbcClient jdbc;

    Reflections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The seeker's reflections on one of their attempts, in the order they were recorded. */
    public List<Reflection> ofAttempt(UUID seekerId, UUID attemptId) {
        return jdbc.sql("""
                SELECT reflection_id, what_happened, what_i_learned, next_time, was_it_personal, recorded_on
                FROM reflection
                WHERE attempt_id = :attemptId AND seeker_id = :seekerId
                ORDER BY sequence
                """)
                .param("attemptId", attemptId)
                .param("seekerId", seekerId)
                .query((rs, row) -> reflection(rs))
                .list();
    }

    /** Up to {@code limit} reflections after the cursor, newest recorded first, each with its attempt's category. */
    Page<Item> page(UUID seekerId, int limit, String cursor) {
        Position after = cursor == null ? null : Cursor.decode(cursor, 3, keys -> new Position(
                StorableDates.require(LocalDate.parse(keys.get(0)), "cursor"),
                StorableDates.require(Instant.parse(keys.get(1)), "cursor"), UUID.fromString(keys.get(2))));
        JdbcClient.StatementSpec query = jdbc.sql("""
                SELECT r.reflection_id, r.attempt_id, b.category, r.what_happened, r.what_i_learned, r.next_time,
                       r.was_it_personal, r.recorded_on, r.recorded_at
                FROM reflection r
                LEFT JOIN attempt_board b ON b.attempt_id = r.attempt_id AND b.seeker_id = r.seeker_id
                WHERE r.seeker_id = :seekerId
                %s
                ORDER BY r.recorded_on DESC, r.recorded_at DESC, r.reflection_id DESC
                LIMIT %d
                """.formatted(after == null ? ""
                        : "AND (r.recorded_on, r.recorded_at, r.reflection_id) < (:afterOn, :afterAt, :afterId)",
                        limit + 1))
                .param("seekerId", seekerId);
        if (after != null) {
            query = query.param("afterOn", after.recordedOn())
                    .param("afterAt", OffsetDateTime.ofInstant(after.recordedAt(), ZoneOffset.UTC))
                    .param("afterId", after.reflectionId());
        }
        List<Row> rows = query.query((rs, row) -> {
            String category = rs.getString("category");
            Reflection reflection = reflection(rs);
            return new Row(new Item(reflection.reflectionId(), rs.getObject("attempt_id", UUID.class),
                    category == null ? null : Category.valueOf(category), reflection.whatHappened(),
                    reflection.whatILearned(), reflection.nextTime(), reflection.wasItPersonal(),
                    reflection.recordedOn()), new Position(reflection.recordedOn(),
                            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), reflection.reflectionId()));
        }).list();
        List<Item> items = rows.stream().limit(limit).map(Row::item).toList();
        String next = rows.size() > limit ? rows.get(limit - 1).position().toCursor() : null;
        return new Page<>(items, next);
    }

    private static Reflection reflection(ResultSet rs) throws SQLException {
        String personal = rs.getString("was_it_personal");
        return new Reflection(rs.getObject("reflection_id", UUID.class), rs.getString("what_happened"),
                rs.getString("what_i_learned"), rs.getString("next_time"),
                personal == null ? null : Personal.valueOf(personal), rs.getObject("recorded_on", LocalDate.class));
    }

    /** One reflection as the attempt's detail shows it. */
    public record Reflection(UUID reflectionId, String whatHappened, String whatILearned, String nextTime,
            Personal wasItPersonal, LocalDate recordedOn) {
    }

    /** One reflection in the seeker's list, with the attempt it is about. */
    record Item(UUID reflectionId, UUID attemptId, Category category, String whatHappened, String whatILearned,
            String nextTime, Personal wasItPersonal, LocalDate recordedOn) {
    }

    private record Row(Item item, Position position) {
    }

    private record Position(LocalDate recordedOn, Instant recordedAt, UUID reflectionId) {

        String toCursor() {
            return Cursor.encode(recordedOn, recordedAt, reflectionId);
        }
    }
}
