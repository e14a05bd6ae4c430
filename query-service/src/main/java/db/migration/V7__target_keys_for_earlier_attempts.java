package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.ghostresume.query.target.TargetKey;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Gives the board rows projected before V6 their target key: every row with a target and no key gets {@link
 * TargetKey#of}, as the projection computes it for new rows (a target without letters or digits keeps none). Walks
 * the rows by attempt id, {@value #BATCH_SIZE} at a time, each page written as one JDBC batch; runs in Flyway's
 * transaction, like the SQL migrations. A Java migration because the key is computed in Java; found by Flyway in
 * {@code classpath:db/migration} next to the SQL ones.
 */
public class V7__target_keys_for_earlier_attempts extends BaseJavaMigration {

    static final int BATCH_SIZE = 1000;

    private final int batchSize;

    public V7__target_keys_for_earlier_attempts() {
        this(BATCH_SIZE);
    }

    V7__target_keys_for_earlier_attempts(int batchSize) {
        this.batchSize = batchSize;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        fill(context.getConnection());
    }

    /** Fills the keys over {@code connection}; returns how many rows got one. */
    int fill(Connection connection) throws SQLException {
        int filled = 0;
        UUID after = null;
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT attempt_id, target FROM attempt_board
                WHERE target IS NOT NULL AND target_key IS NULL AND (CAST(? AS uuid) IS NULL OR attempt_id > ?)
                ORDER BY attempt_id
                LIMIT ?
                """);
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE attempt_board SET target_key = ? WHERE attempt_id = ? AND target_key IS NULL")) {
            while (true) {
                select.setObject(1, after);
                select.setObject(2, after);
                select.setInt(3, batchSize);
                List<Row> page = new ArrayList<>(batchSize);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(new Row(rows.getObject("attempt_id", UUID.class), rows.getString("target")));
                    }
                }
                if (page.isEmpty()) {
                    return filled;
                }
                int keyed = 0;
                for (Row row : page) {
                    Optional<String> key = TargetKey.of(row.target());
                    if (key.isPresent()) {
                        update.setString(1, key.get());
                        update.setObject(2, row.attemptId());
                        update.addBatch();
                        keyed++;
                    }
                }
                if (keyed > 0) {
                    update.executeBatch();
                    filled += keyed;
                }
                after = page.get(page.size() - 1).attemptId();
            }
        }
    }

    private record Row(UUID attemptId, String target) {
    }
}
