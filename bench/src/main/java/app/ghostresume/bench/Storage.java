package app.ghostresume.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import app.ghostresume.stack.EmbeddedPostgresServer;
import app.ghostresume.stack.testing.LiveReadModels;

/**
 * Bytes per event where events are kept: the event store ({@code domain_event_entry} with its indexes and
 * TOAST, over its rows), the Kafka topic (its log segments on disk over its records; the indexes beside them
 * are left out, being preallocated), and the read models (every table of the query database except the
 * consumer's bookkeeping, over the events in its journal).
 */
final class Storage {

    /** The query database's tables that are bookkeeping, not read models. */
    private static final List<String> BOOKKEEPING = List.of("flyway_schema_history", "consumer_offset",
            "skipped_event", "dead_letter");

    private Storage() {
    }

    /** One store: its bytes, what they hold, and per table (or file kind) where the bytes are. */
    record Store(String name, long bytes, long events, Map<String, Long> parts) {

        double bytesPerEvent() {
            return events == 0 ? 0 : (double) bytes / events;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", name);
            map.put("bytes", bytes);
            map.put("events", events);
            map.put("bytesPerEvent", Measurement.round(bytesPerEvent()));
            map.put("parts", parts);
            return map;
        }
    }

    static Store eventStore(String commandDatabaseUrl) throws SQLException {
        try (Connection db = connect(commandDatabaseUrl); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT pg_total_relation_size('domain_event_entry'), pg_relation_size('domain_event_entry'),
                               (SELECT count(*) FROM domain_event_entry)
                        """)) {
            rows.next();
            return new Store("event store (domain_event_entry)", rows.getLong(1), rows.getLong(3),
                    Map.of("heap", rows.getLong(2), "indexes+toast", rows.getLong(1) - rows.getLong(2)));
        }
    }

    static Store kafka(Path kafkaLogs, String topic, long records) throws IOException {
        Map<String, Long> parts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(kafkaLogs)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> file.getParent().getFileName().toString().matches(topic + "-\\d+"))
                    .forEach(file -> {
                        String name = file.getFileName().toString();
                        // only segments: a segment's .index and .timeindex are preallocated sparse files
                        if (name.endsWith(".log")) {
                            parts.merge("segments", 1L, Long::sum);
                            parts.merge("log", size(file), Long::sum);
                        }
                    });
        }
        return new Store("Kafka topic " + topic + " (log segments)", parts.getOrDefault("log", 0L), records, parts);
    }

    static Store readModels(String name, String queryDatabaseUrl) throws SQLException {
        Map<String, Long> parts = new LinkedHashMap<>();
        long events;
        try (Connection db = LiveReadModels.connect(queryDatabaseUrl, EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD); Statement statement = db.createStatement()) {
            try (ResultSet rows = statement.executeQuery("""
                    SELECT tablename, pg_total_relation_size(quote_ident(schemaname) || '.' || quote_ident(tablename))
                    FROM pg_tables
                    WHERE schemaname = current_schema() ORDER BY 2 DESC
                    """)) {
                while (rows.next()) {
                    if (!BOOKKEEPING.contains(rows.getString(1))) {
                        parts.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM seeker_event")) {
                rows.next();
                events = rows.getLong(1);
            }
        }
        return new Store(name, parts.values().stream().mapToLong(Long::longValue).sum(), events, parts);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        }
        catch (IOException ex) {
            return 0;
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }
}
