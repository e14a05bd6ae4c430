package app.ghostresume.query.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the read models hold about a seeker, written as a ZIP: their account, settings, pauses, attempts with
 * their whole history and reflections, goals with their target changes, challenge memberships, shares with the
 * support they got (kind, message and day, never who gave it) and their own journal of everything they did. All of
 * it is read in one repeatable-read transaction, so the files agree with one another. Others' data appears only as
 * what the seeker was shown of it: the name of a challenge they are in.
 */
@Component
class SeekerExport {

    /** The files of an export, in the order written, with what each holds. */
    static final Map<String, String> FILES = filesInOrder();

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final JsonMapper mapper;
    private final ObjectWriter json;

    SeekerExport(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.mapper = mapper;
        this.json = mapper.writerWithDefaultPrettyPrinter();
    }

    /** The seeker's handle, when the read models know the seeker. */
    Optional<String> handleOf(UUID seekerId) {
        return jdbc.sql("SELECT handle FROM seeker WHERE seeker_id = :seekerId").param("seekerId", seekerId)
                .query(String.class).optional();
    }

    /** Writes the export of {@code seekerId} to {@code out} as a ZIP. */
    void write(UUID seekerId, OutputStream out) {
        snapshot.executeWithoutResult(status -> {
            try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                write(zip, seekerId);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    private void write(ZipOutputStream zip, UUID seekerId) throws IOException {
        List<Map<String, Object>> journal = rows("""
                SELECT aggregate_id, aggregate_sequence, type, event_date AS date, occurred_at, details
                FROM seeker_event WHERE seeker_id = :seekerId
                ORDER BY occurred_at, aggregate_id, aggregate_sequence
                """, seekerId);
        List<Map<String, Object>> attempts = rows("""
                SELECT attempt_id, category, target, title, notes, status, stage, sent_on, expected_response_by,
                       outcome_on, sting, follow_up_on, ghosted_after, followed_up_on, ghosted_on,
                       ghosted_automatically, logged_at
                FROM attempt_board WHERE seeker_id = :seekerId
                ORDER BY sent_on, logged_at, attempt_id
                """, seekerId);
        List<Map<String, Object>> reflections = rows("""
                SELECT reflection_id, attempt_id, what_happened, what_i_learned, next_time, was_it_personal,
                       recorded_on, recorded_at
                FROM reflection WHERE seeker_id = :seekerId
                ORDER BY recorded_at, reflection_id
                """, seekerId);

        json(zip, "account.json", rows("""
                SELECT seeker_id, handle, display_name, time_zone, registered_at, public_ghost_resume
                FROM seeker WHERE seeker_id = :seekerId
                """, seekerId).stream().findFirst().orElse(Map.of()));
        json(zip, "settings.json", rows("""
                SELECT ghosting_days, follow_up_days FROM seeker_settings WHERE seeker_id = :seekerId
                """, seekerId).stream().findFirst().orElse(Map.of()));
        json(zip, "pauses.json", rows("""
                SELECT pause_id, starts_on, ends_on, reason, cancelled
                FROM pause WHERE seeker_id = :seekerId ORDER BY starts_on, pause_id
                """, seekerId));
        json(zip, "attempts.json", withChildren(attempts, "attemptId",
                Map.of("history", byKey(journal, "aggregateId", "aggregateId"),
                        "reflections", byKey(reflections, "attemptId", "attemptId"))));
        zip.putNextEntry(new ZipEntry("attempts.csv"));
        Writer csv = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        AttemptsCsv.write(attempts, new NonClosingWriter(csv));
        csv.flush();
        zip.closeEntry();
        json(zip, "reflections.json", reflections);
        json(zip, "goals.json", withChildren(rows("""
                SELECT goal_id, metric, category, target, period, starts_on, ends_on, retired_on, set_at
                FROM goal WHERE seeker_id = :seekerId ORDER BY set_at, goal_id
                """, seekerId), "goalId", Map.of("targetChanges", byKey(rows("""
                SELECT c.goal_id, c.target, c.effective_from
                FROM goal_target_change c JOIN goal g ON g.goal_id = c.goal_id
                WHERE g.seeker_id = :seekerId ORDER BY c.goal_id, c.sequence
                """, seekerId), "goalId", "goalId"))));
        json(zip, "challenges.json", rows("""
                SELECT c.challenge_id, c.name, c.description, c.starts_on, c.ends_on, c.goal_metric, c.goal_category,
                       c.goal_target, c.goal_per, c.visibility, c.creator_id = :seekerId AS created_by_me,
                       m.joined_on, m.left_on
                FROM challenge_member m JOIN challenge c ON c.challenge_id = m.challenge_id
                WHERE m.seeker_id = :seekerId ORDER BY m.joined_on, c.challenge_id
                """, seekerId));
        json(zip, "shares.json", withChildren(rows("""
                SELECT share_id, attempt_id, outcome, category, stage_reached, sting, decided_on, shared_on, story,
                       anonymous, audience, challenge_id, active, hidden, moderation
                FROM share WHERE author_id = :seekerId ORDER BY position
                """, seekerId), "shareId", Map.of("support", byKey(rows("""
                SELECT s.share_id, s.kind, s.message, s.offered_at
                FROM share_support s JOIN share sh ON sh.share_id = s.share_id
                WHERE sh.author_id = :seekerId ORDER BY s.offered_at, s.kind
                """, seekerId), "shareId", "shareId"))));
        json(zip, "events.json", journal);
        zip.putNextEntry(new ZipEntry("README.txt"));
        StringBuilder readme = new StringBuilder("Everything Ghost Résumé holds about you, as of this export.\n\n");
        FILES.forEach((file, what) -> readme.append(file).append(": ").append(what).append('\n'));
        zip.write(readme.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private void json(ZipOutputStream zip, String name, Object value) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(json.writeValueAsBytes(value));
        zip.closeEntry();
    }

    /** The rows of a query about the seeker, keyed by column name in camel case, with JSON-friendly values. */
    private List<Map<String, Object>> rows(String sql, UUID seekerId) {
        return jdbc.sql(sql).param("seekerId", seekerId).query((rs, rowNumber) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                String type = rs.getMetaData().getColumnTypeName(column);
                String text = type.startsWith("json") ? rs.getString(column) : null;
                row.put(camelCase(rs.getMetaData().getColumnLabel(column)),
                        text != null ? mapper.readTree(text) : plain(rs.getObject(column)));
            }
            return row;
        }).list();
    }

    /** Each parent with, under each name, the children whose {@code childKey} is the parent's {@code parentKey}. */
    private static List<Map<String, Object>> withChildren(List<Map<String, Object>> parents, String parentKey,
            Map<String, Map<Object, List<Map<String, Object>>>> children) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> parent : parents) {
            Map<String, Object> withChildren = new LinkedHashMap<>(parent);
            children.forEach((name, byParent) -> withChildren.put(name,
                    byParent.getOrDefault(String.valueOf(parent.get(parentKey)), List.of())));
            result.add(withChildren);
        }
        return result;
    }

    /** The rows grouped by the text of {@code key}, each without {@code drop} (which repeats its parent's id). */
    private static Map<Object, List<Map<String, Object>>> byKey(List<Map<String, Object>> rows, String key,
            String drop) {
        Map<Object, List<Map<String, Object>>> grouped = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> child = new LinkedHashMap<>(row);
            child.remove(drop);
            grouped.computeIfAbsent(String.valueOf(row.get(key)), k -> new ArrayList<>()).add(child);
        }
        return grouped;
    }

    private static Object plain(Object value) {
        if (value instanceof Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof UUID id) {
            return id.toString();
        }
        return value;
    }

    private static String camelCase(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            }
            else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static Map<String, String> filesInOrder() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("account.json", "your account: handle, display name, time zone, when you signed up, profile");
        files.put("settings.json", "your ghosting and follow-up windows per category, where you changed them");
        files.put("pauses.json", "your pauses, cancelled ones included");
        files.put("attempts.json", "every attempt as it stands, with its whole history and its reflections");
        files.put("attempts.csv", "the attempts as a spreadsheet, in the import format");
        files.put("reflections.json", "your reflections");
        files.put("goals.json", "your goals, retired ones included, with their target changes");
        files.put("challenges.json", "the challenges you joined, and when you joined and left");
        files.put("shares.json", "the rejections you shared, with the support they got (never who gave it)");
        files.put("events.json", "everything you did, event by event, as the journal holds it");
        files.put("README.txt", "this list");
        return files;
    }

    /** Lets the CSV printer close its writer without closing the ZIP under it. */
    private static final class NonClosingWriter extends java.io.FilterWriter {

        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
