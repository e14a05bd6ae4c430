package app.ghostresume.query.insights;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The community report as a command: replays the whole topic from its beginning in its own consumer group
 * ({@value #GROUP}), touching no read model, answers every question ({@link Questions#ALL}), writes
 * {@code report.md}, {@code report.json} and a CSV and a PNG chart per question to a folder, and, given the query
 * database, stores the result for {@code GET /api/insights}. Prints a progress bar with the rate and the time left.
 * Options ({@code --name=value}) default to the query service's environment (KAFKA_BOOTSTRAP_SERVERS, KAFKA_TOPIC,
 * POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD); {@code --store=false} only writes the folder.
 */
public final class InsightsCommand {

    static final String GROUP = "ghost-insights";

    private InsightsCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "insights-logback.xml");
        }
        Map<String, String> options = options(args);
        Result result = run(options, Clock.systemUTC(), System.err);
        System.out.println("Wrote " + result.folder().toAbsolutePath()
                + (result.stored() ? "; stored for GET /api/insights" : ""));
    }

    /** What a run did. */
    public record Result(CommunityReport report, Path folder, boolean stored, double eventsPerSecond) {
    }

    public static Result run(Map<String, String> options, Clock clock, PrintStream progress) throws Exception {
        Instant started = clock.instant();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
        Path folder = Path.of(options.getOrDefault("out", "insights/" + stamp));
        Privacy privacy = new Privacy(Integer.parseInt(options.getOrDefault("privacy-threshold",
                String.valueOf(Privacy.DEFAULT_THRESHOLD))));
        CommunityHistory history = new CommunityHistory(LocalDate.ofInstant(started, ZoneOffset.UTC));
        ProgressBar bar = new ProgressBar(progress, clock);
        TopicReplay.Read read = new TopicReplay(options.getOrDefault("bootstrap", env("KAFKA_BOOTSTRAP_SERVERS",
                "localhost:19092")), options.getOrDefault("topic", env("KAFKA_TOPIC", "seeker-events")),
                options.getOrDefault("group", GROUP)).replay(CommunityHistory::withoutPersonalFields, history::accept,
                bar::at);
        bar.done();
        double seconds = bar.seconds();
        CommunityReport report = CommunityReport.of(history, privacy, clock.instant());
        InsightFiles.write(report, folder);
        boolean store = Boolean.parseBoolean(options.getOrDefault("store", "true"));
        if (store) {
            store(report, options.getOrDefault("postgres-url", env("POSTGRES_URL",
                    "jdbc:postgresql://localhost:15432/ghost_query")),
                    options.getOrDefault("postgres-user", env("POSTGRES_USER", "postgres")),
                    options.getOrDefault("postgres-password", env("POSTGRES_PASSWORD", "postgres")));
        }
        progress.printf(Locale.ROOT, "%,d events (%,d unreadable, passed over) at %,.0f events/s%n", read.records(),
                read.unreadable(), read.records() / seconds);
        return new Result(report, folder, store, read.records() / seconds);
    }

    /** Adds the result to {@code community_insight} in the query database (the query service made the table). */
    static void store(CommunityReport report, String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO community_insight (computed_at, events, privacy_threshold, report)
                        VALUES (?, ?, ?, CAST(? AS jsonb))
                        """)) {
            insert.setTimestamp(1, Timestamp.from(report.computedAt()));
            insert.setLong(2, report.events());
            insert.setInt(3, report.privacyThreshold());
            insert.setString(4, InsightFiles.JSON.writeValueAsString(report));
            insert.executeUpdate();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> known = List.of("bootstrap", "topic", "group", "out", "privacy-threshold", "store",
                "postgres-url", "postgres-user", "postgres-password");
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0 || !known.contains(arg.substring(2, equals))) {
                throw new IllegalArgumentException("expected --name=value with a name of " + known + ", got " + arg);
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return options;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** {@code [#########...........]  45 %  450,000 of 1,000,000 events  120,000/s  5 s left}, redrawn in place. */
    static final class ProgressBar {

        private static final int WIDTH = 30;

        private final PrintStream out;
        private final Clock clock;
        private Instant started;
        private Instant drawn = Instant.EPOCH;
        private long read;
        private long total;

        ProgressBar(PrintStream out, Clock clock) {
            this.out = out;
            this.clock = clock;
        }

        /** The first call, with nothing read yet, starts the clock: the rate is the reading's, not the connecting's. */
        void at(long read, long total) {
            if (started == null) {
                started = clock.instant();
            }
            this.read = read;
            this.total = total;
            Instant now = clock.instant();
            if (Duration.between(drawn, now).toMillis() >= 200) {
                draw(now);
                drawn = now;
            }
        }

        void done() {
            draw(clock.instant());
            out.println();
        }

        /** Seconds from the start of the reading to now. */
        double seconds() {
            return Math.max(1e-3, Duration.between(started == null ? clock.instant() : started, clock.instant())
                    .toNanos() / 1e9);
        }

        private void draw(Instant now) {
            double seconds = Math.max(1e-3, Duration.between(started == null ? now : started, now).toNanos() / 1e9);
            double rate = read / seconds;
            double share = total == 0 ? 1 : (double) read / total;
            int filled = (int) Math.round(WIDTH * share);
            long left = rate <= 0 ? 0 : Math.round((total - read) / rate);
            out.printf(Locale.ROOT, "\r[%s%s] %3.0f %%  %,d of %,d events  %,.0f/s  %d s left ", "#".repeat(filled),
                    ".".repeat(WIDTH - filled), 100 * share, read, total, rate, left);
            out.flush();
        }
    }
}
