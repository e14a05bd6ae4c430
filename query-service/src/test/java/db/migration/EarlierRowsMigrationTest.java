package db.migration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.stack.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What V6, V7 and V8 do to rows projected by the version before them: each test migrates a fresh database to V5, puts
 * in board rows and journaled events as that version left them, and migrates on.
 */
class EarlierRowsMigrationTest {

    private final TestInfrastructure infrastructure = TestInfrastructure.get();

    @Test
    void v6TakesTheStingOfTheLatestRejection() throws SQLException {
        String url = infrastructure.newDatabase("migration");
        flyway(url, "5").migrate();
        UUID twice = UUID.randomUUID();
        UUID thrice = UUID.randomUUID();
        UUID lastWithout = UUID.randomUUID();
        try (Connection connection = connect(url)) {
            for (UUID attempt : new UUID[] { twice, thrice, lastWithout }) {
                board(connection, attempt, "Acme", "REJECTED");
            }
            // the events arrive in the table in no particular order: the sequence decides, not the insertion
            rejection(connection, twice, 3, "{\"sting\": 4}");
            rejection(connection, twice, 1, "{\"sting\": 1}");
            rejection(connection, thrice, 1, "{\"sting\": 5}");
            rejection(connection, thrice, 7, "{\"sting\": 2}");
            rejection(connection, thrice, 4, "{\"sting\": 3}");
            rejection(connection, lastWithout, 1, "{\"sting\": 5}");
            rejection(connection, lastWithout, 2, "{}");
        }
        flyway(url, "6").migrate();
        try (Connection connection = connect(url)) {
            assertThat(column(connection, "sting")).containsEntry(twice, "4").containsEntry(thrice, "2")
                    .containsEntry(lastWithout, null);
        }
    }

    @Test
    void v7GivesEveryEarlierRowWithATargetItsKeyThroughFlyway() throws SQLException {
        String url = infrastructure.newDatabase("migration");
        flyway(url, "5").migrate();
        Map<UUID, String> expected = new HashMap<>();
        try (Connection connection = connect(url)) {
            String[][] rows = { { "Acme, Inc.", "acme" }, { "The New Yorker Magazine", "new-yorker" },
                    { "McDonald's", "mcdonalds" }, { "Café Ünïcode & Co", "cafe-unicode-and" }, { "???", null },
                    { null, null } };
            for (String[] row : rows) {
                UUID attempt = UUID.randomUUID();
                board(connection, attempt, row[0], "WAITING");
                expected.put(attempt, row[1]);
            }
        }
        flyway(url, null).migrate();
        try (Connection connection = connect(url)) {
            assertThat(column(connection, "target_key")).isEqualTo(expected);
            try (Statement statement = connection.createStatement();
                    ResultSet history = statement.executeQuery("SELECT type, success FROM flyway_schema_history "
                            + "WHERE version = '7'")) {
                assertThat(history.next()).isTrue();
                assertThat(history.getString("type")).isEqualTo("JDBC");
                assertThat(history.getBoolean("success")).isTrue();
            }
        }
    }

    @Test
    void v7FillsOnlyMissingKeysPageByPage() throws SQLException {
        String url = infrastructure.newDatabase("migration");
        flyway(url, null).migrate();
        Map<UUID, String> expected = new HashMap<>();
        try (Connection connection = connect(url)) {
            for (int i = 0; i < 7; i++) {
                UUID attempt = UUID.randomUUID();
                board(connection, attempt, "Globex " + i + " Ltd", "WAITING");
                expected.put(attempt, "globex-" + i);
            }
            UUID noKey = UUID.randomUUID();
            board(connection, noKey, "--", "WAITING");
            expected.put(noKey, null);
            // a key the projection set stays as it is
            UUID keyed = UUID.randomUUID();
            board(connection, keyed, "Initech", "WAITING");
            try (PreparedStatement set = connection.prepareStatement(
                    "UPDATE attempt_board SET target_key = 'set-by-the-projection' WHERE attempt_id = ?")) {
                set.setObject(1, keyed);
                set.executeUpdate();
            }
            expected.put(keyed, "set-by-the-projection");

            // pages of 3 over 9 rows without a key, one of which cannot have one
            assertThat(new V7__target_keys_for_earlier_attempts(3).fill(connection)).isEqualTo(7);
            assertThat(column(connection, "target_key")).isEqualTo(expected);
            assertThat(new V7__target_keys_for_earlier_attempts(3).fill(connection)).isZero();
        }
    }

    @Test
    void v8ComparesIdentifiersBytewiseAndKeepsEveryRowAndItsUniqueness() throws SQLException {
        String url = infrastructure.newDatabase("migration");
        flyway(url, "7").migrate();
        UUID attempt = UUID.randomUUID();
        try (Connection connection = connect(url)) {
            board(connection, attempt, "Acme", "REJECTED");
            rejection(connection, attempt, 1, "{\"sting\": 4}");
        }
        flyway(url, "8").migrate();
        try (Connection connection = connect(url)) {
            assertThat(column(connection, "status")).containsExactly(Map.entry(attempt, "REJECTED"));
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                    SELECT table_name || '.' || column_name, collation_name FROM information_schema.columns
                    WHERE (table_name, column_name) IN (('seeker_event', 'aggregate_id'), ('attempt_board', 'status'))
                    """)) {
                Map<String, String> collations = new HashMap<>();
                while (rows.next()) {
                    collations.put(rows.getString(1), rows.getString(2));
                }
                assertThat(collations).containsOnly(Map.entry("seeker_event.aggregate_id", "C"),
                        Map.entry("attempt_board.status", "C"));
            }
            assertThatThrownBy(() -> rejection(connection, attempt, 1, "{}"))
                    .as("an aggregate position is still journaled once").isInstanceOf(SQLException.class)
                    .hasMessageContaining("seeker_event_aggregate_id_aggregate_sequence_key");
        }
    }

    private Flyway flyway(String url, String target) {
        var configuration = Flyway.configure()
                .dataSource(url, infrastructure.username(), infrastructure.password())
                .locations("classpath:db/migration");
        return (target == null ? configuration : configuration.target(target)).load();
    }

    private Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, infrastructure.username(), infrastructure.password());
    }

    private static void board(Connection connection, UUID attempt, String target, String status)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO attempt_board (attempt_id, seeker_id, category, target, title, status, sent_on, logged_at,
                                           last_sequence)
                VALUES (?, ?, 'JOB', ?, 'Title', ?, DATE '2026-01-01', now(), 0)
                """)) {
            insert.setObject(1, attempt);
            insert.setObject(2, UUID.randomUUID());
            insert.setString(3, target);
            insert.setString(4, status);
            insert.executeUpdate();
        }
    }

    private static void rejection(Connection connection, UUID attempt, long sequence, String details)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO seeker_event (event_id, seeker_id, aggregate_id, aggregate_sequence, type, event_date,
                                          occurred_at, details)
                VALUES (?, ?, ?, ?, 'RejectionReceived', DATE '2026-01-10', now(), CAST(? AS jsonb))
                """)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.randomUUID());
            insert.setString(3, attempt.toString());
            insert.setLong(4, sequence);
            insert.setString(5, details);
            insert.executeUpdate();
        }
    }

    private static Map<UUID, String> column(Connection connection, String column) throws SQLException {
        Map<UUID, String> values = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT attempt_id, " + column + " FROM attempt_board")) {
            while (rows.next()) {
                values.put(rows.getObject("attempt_id", UUID.class), rows.getString(column));
            }
        }
        return values;
    }
}
