package app.ghostresume.query.board;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static app.ghostresume.query.platform.SqlArrays.column;

/**
 * Reads and writes {@code attempt_board} rows a batch at a time: one SELECT for every attempt a batch touches, and
 * one multi-row upsert ({@code unnest} of one array per column) for every row it changed.
 */
@Component
class BoardRows {

    private final JdbcClient jdbc;

    BoardRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, BoardRow> load(Collection<UUID> attemptIds) {
        Map<UUID, BoardRow> rows = new HashMap<>();
        jdbc.sql("""
                SELECT attempt_id, seeker_id, logged_at, category, target, target_key, title, notes, status, stage,
                       sent_on, expected_response_by, outcome_on, follow_up_on, ghosted_after, reminder_due_on,
                       followed_up_on, ghosted_on, ghosted_automatically, sting, last_sequence
                FROM attempt_board
                WHERE attempt_id = ANY (CAST(? AS uuid[]))
                """)
                .param(attemptIds.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, n) -> {
                    BoardRow row = new BoardRow(rs.getObject("attempt_id", UUID.class),
                            rs.getObject("seeker_id", UUID.class),
                            rs.getObject("logged_at", OffsetDateTime.class).toInstant());
                    row.category = rs.getString("category");
                    row.target = rs.getString("target");
                    row.targetKey = rs.getString("target_key");
                    row.title = rs.getString("title");
                    row.notes = rs.getString("notes");
                    row.status = rs.getString("status");
                    row.stage = rs.getString("stage");
                    row.sentOn = rs.getObject("sent_on", LocalDate.class);
                    row.expectedResponseBy = rs.getObject("expected_response_by", LocalDate.class);
                    row.outcomeOn = rs.getObject("outcome_on", LocalDate.class);
                    row.followUpOn = rs.getObject("follow_up_on", LocalDate.class);
                    row.ghostedAfter = rs.getObject("ghosted_after", LocalDate.class);
                    row.reminderDueOn = rs.getObject("reminder_due_on", LocalDate.class);
                    row.followedUpOn = rs.getObject("followed_up_on", LocalDate.class);
                    row.ghostedOn = rs.getObject("ghosted_on", LocalDate.class);
                    row.ghostedAutomatically = rs.getBoolean("ghosted_automatically");
                    row.sting = rs.getObject("sting", Integer.class);
                    row.lastSequence = rs.getLong("last_sequence");
                    return row;
                })
                .list()
                .forEach(row -> rows.put(row.attemptId, row));
        return rows;
    }

    /**
     * Inserts the new rows and overwrites the changed ones, in one statement; the database itself refuses to move
     * a row back in its attempt's history or to hand it to another seeker, should anything but the fold ever
     * write it.
     */
    void store(List<BoardRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO attempt_board (attempt_id, seeker_id, logged_at, category, target, target_key, title, notes,
                                           status, stage, sent_on, expected_response_by, outcome_on, follow_up_on,
                                           ghosted_after, reminder_due_on, followed_up_on, ghosted_on,
                                           ghosted_automatically, sting, last_sequence)
                SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS timestamptz[]), CAST(? AS text[]),
                                     CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                     CAST(? AS text[]), CAST(? AS text[]), CAST(? AS date[]), CAST(? AS date[]),
                                     CAST(? AS date[]), CAST(? AS date[]), CAST(? AS date[]), CAST(? AS date[]),
                                     CAST(? AS date[]), CAST(? AS date[]), CAST(? AS boolean[]), CAST(? AS smallint[]),
                                     CAST(? AS bigint[]))
                ON CONFLICT (attempt_id) DO UPDATE SET
                    category = EXCLUDED.category, target = EXCLUDED.target, target_key = EXCLUDED.target_key,
                    title = EXCLUDED.title, notes = EXCLUDED.notes, status = EXCLUDED.status, stage = EXCLUDED.stage,
                    sent_on = EXCLUDED.sent_on, expected_response_by = EXCLUDED.expected_response_by,
                    outcome_on = EXCLUDED.outcome_on, follow_up_on = EXCLUDED.follow_up_on,
                    ghosted_after = EXCLUDED.ghosted_after, reminder_due_on = EXCLUDED.reminder_due_on,
                    followed_up_on = EXCLUDED.followed_up_on, ghosted_on = EXCLUDED.ghosted_on,
                    ghosted_automatically = EXCLUDED.ghosted_automatically, sting = EXCLUDED.sting,
                    last_sequence = EXCLUDED.last_sequence
                WHERE attempt_board.seeker_id = EXCLUDED.seeker_id
                  AND attempt_board.last_sequence < EXCLUDED.last_sequence
                """)
                .params(column(rows, row -> row.attemptId), column(rows, row -> row.seekerId),
                        column(rows, row -> row.loggedAt),
                        column(rows, row -> row.category), column(rows, row -> row.target),
                        column(rows, row -> row.targetKey), column(rows, row -> row.title),
                        column(rows, row -> row.notes), column(rows, row -> row.status),
                        column(rows, row -> row.stage), column(rows, row -> row.sentOn),
                        column(rows, row -> row.expectedResponseBy), column(rows, row -> row.outcomeOn),
                        column(rows, row -> row.followUpOn), column(rows, row -> row.ghostedAfter),
                        column(rows, row -> row.reminderDueOn), column(rows, row -> row.followedUpOn),
                        column(rows, row -> row.ghostedOn), column(rows, row -> row.ghostedAutomatically),
                        column(rows, row -> row.sting), column(rows, row -> row.lastSequence))
                .update();
    }
}
