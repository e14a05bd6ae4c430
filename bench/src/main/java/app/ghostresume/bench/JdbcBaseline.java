package app.ghostresume.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import app.ghostresume.stack.EmbeddedPostgresServer;

/**
 * The write path's physical limit on this disk: one INSERT of an event-sized row and a COMMIT per operation,
 * plain JDBC, one connection per client, against the same PostgreSQL server the system uses.
 */
final class JdbcBaseline {

    private final String jdbcUrl;
    private final byte[] payload;

    JdbcBaseline(String jdbcUrl, int payloadBytes) {
        this.jdbcUrl = jdbcUrl;
        this.payload = new byte[payloadBytes];
        new Random(7).nextBytes(payload);
    }

    void createTable() throws SQLException {
        try (Connection db = connect(); Statement statement = db.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS baseline_event (
                        global_index bigserial PRIMARY KEY, event_identifier text NOT NULL UNIQUE,
                        aggregate_identifier text NOT NULL, sequence_number bigint NOT NULL,
                        payload bytea NOT NULL, time_stamp text NOT NULL)
                    """);
        }
    }

    Measurement measure(int concurrency, Duration warmUp, Duration window, Supplier<Map<String, Double>> cpu)
            throws Exception {
        Connection[] connections = new Connection[concurrency];
        for (int c = 0; c < concurrency; c++) {
            connections[c] = connect();
            connections[c].setAutoCommit(false);
        }
        try {
            return LoadRunner.run("jdbc-insert-commit", concurrency, warmUp, window, cpu, client -> {
                Connection db = connections[client];
                return () -> {
                    try (PreparedStatement insert = db.prepareStatement("""
                            INSERT INTO baseline_event (event_identifier, aggregate_identifier, sequence_number,
                                                        payload, time_stamp) VALUES (?, ?, 0, ?, now()::text)
                            """)) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setBytes(3, payload);
                        insert.executeUpdate();
                    }
                    db.commit();
                    return true;
                };
            });
        }
        finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }
}
