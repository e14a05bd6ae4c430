package app.ghostresume.query.board;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.query.platform.Cursor;
import app.ghostresume.query.platform.StorableDates;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads {@code attempt_board}: a seeker's attempts by date sent, newest first, single attempts, and the open
 * follow-up reminders.
 */
@Component
class AttemptBoard {

    private static final String COLUMNS = """
            attempt_id, category, target, title, notes, status, stage, sent_on, expected_response_by, outcome_on,
            logged_at""";

    private static final RowMapper<Listed> ROW = (rs, row) -> new Listed(rs.getObject("attempt_id", UUID.class),
            Category.valueOf(rs.getString("category")), rs.getString("target"), rs.getString("title"),
            rs.getString("notes"), AttemptStatus.valueOf(rs.getString("status")), rs.getString("stage"),
            rs.getObject("sent_on", LocalDate.class), rs.getObject("expected_response_by", LocalDate.class),
            rs.getObject("outcome_on", LocalDate.class), rs.getObject("logged_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;

    AttemptBoard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} rows after the cursor, plus one more when another page follows. */
    List<Listed> page(UUID seekerId, AttemptStatus status, Category category, int limit, Position after) {
        List<String> conditions = new ArrayList<>(List.of("seeker_id = :seekerId"));
        if (status != null) {
            conditions.add("status = :status");
        }
        if (category != null) {
            conditions.add("category = :category");
        }
        if (after != null) {
            conditions.add("(sent_on, logged_at, attempt_id) < (:afterSentOn, :afterLoggedAt, :afterId)");
        }
        JdbcClient.StatementSpec query = jdbc.sql("""
                SELECT %s
                FROM attempt_board
                WHERE %s
                ORDER BY sent_on DESC, logged_at DESC, attempt_id DESC
                LIMIT %d
                """.formatted(COLUMNS, String.join(" AND ", conditions), limit + 1))
                .param("seekerId", seekerId);
        if (status != null) {
            query = query.param("status", status.name());
        }
        if (category != null) {
            query = query.param("category", category.name());
        }
        if (after != null) {
            query = query.param("afterSentOn", after.sentOn())
                    .param("afterLoggedAt", OffsetDateTime.ofInstant(after.loggedAt(), ZoneOffset.UTC))
                    .param("afterId", after.attemptId());
        }
        return query.query(ROW).list();
    }

    Optional<Listed> find(UUID seekerId, UUID attemptId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM attempt_board WHERE attempt_id = :attemptId AND seeker_id = :seekerId")
                .param("attemptId", attemptId)
                .param("seekerId", seekerId)
                .query(ROW)
                .optional();
    }

    /** Attempts whose follow-up is due and not yet done (nor overtaken by an outcome), oldest due first. */
    List<AttemptView.Reminder> openReminders(UUID seekerId) {
        return jdbc.sql("""
                SELECT attempt_id, category, target, title, sent_on, reminder_due_on
                FROM attempt_board
                WHERE seeker_id = :seekerId AND reminder_due_on IS NOT NULL
                ORDER BY reminder_due_on, sent_on, attempt_id
                """)
                .param("seekerId", seekerId)
                .query((rs, row) -> new AttemptView.Reminder(rs.getObject("attempt_id", UUID.class),
                        Category.valueOf(rs.getString("category")), rs.getString("target"), rs.getString("title"),
                        rs.getObject("sent_on", LocalDate.class), rs.getObject("reminder_due_on", LocalDate.class)))
                .list();
    }

    /** One attempt as the board lists it (the row being folded from events is {@link BoardRow}). */
    record Listed(UUID attemptId, Category category, String target, String title, String notes,
            AttemptStatus status, String stage, LocalDate sentOn, LocalDate expectedResponseBy, LocalDate outcomeOn,
            Instant loggedAt) {

        Position position() {
            return new Position(sentOn, loggedAt, attemptId);
        }
    }

    /** Where a page ends in the board's order. */
    record Position(LocalDate sentOn, Instant loggedAt, UUID attemptId) {

        String toCursor() {
            return Cursor.encode(sentOn, loggedAt, attemptId);
        }

        static Position fromCursor(String cursor) {
            return Cursor.decode(cursor, 3, keys -> new Position(
                    StorableDates.require(LocalDate.parse(keys.get(0)), "cursor"),
                    StorableDates.require(Instant.parse(keys.get(1)), "cursor"), UUID.fromString(keys.get(2))));
        }
    }
}
