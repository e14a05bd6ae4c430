package app.ghostresume.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import app.ghostresume.stack.EmbeddedPostgresServer;
import app.ghostresume.stack.Folders;
import app.ghostresume.stack.FreePorts;
import app.ghostresume.stack.LocalStack;
import app.ghostresume.stack.ServiceProcess;
import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.TokenMinter;
import app.ghostresume.stack.testing.HttpApi.Answer;
import app.ghostresume.stack.testing.LiveReadModels;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole system, started once for this test JVM exactly as the run command starts it (the services as
 * separate processes from their executable jars) but in a throwaway folder on free ports.
 */
final class RunningSystem {

    /** Consumer threads per query-service instance, each a member of the group (the service's default). */
    static final int CONSUMERS_PER_INSTANCE = 2;

    private static RunningSystem instance;
    private ServiceProcess web;

    final LocalStack stack;
    /** Where both services export their spans (sampled as configured, or as the caller's traceparent says). */
    final TraceCollector traces;
    final HttpApi commands;
    final HttpApi queries;

    private RunningSystem(LocalStack stack, TraceCollector traces) {
        this.stack = stack;
        this.traces = traces;
        this.commands = new HttpApi(stack.commandUrl());
        this.queries = new HttpApi(stack.queryUrl());
    }

    static synchronized RunningSystem get() {
        if (instance == null) {
            try {
                Path home = Files.createTempDirectory("ghost-system-");
                TraceCollector traces = TraceCollector.start();
                // publications fail fast while Kafka is away, so outages exercise the retry path; every test client
                // signs in from this one address
                LocalStack stack = new LocalStack(LocalStack.Settings.throwaway(home, jar("command-service"),
                        jar("query-service"), Map.of("KAFKA_DELIVERY_TIMEOUT", "PT2S",
                                "KAFKA_CONSUMERS", String.valueOf(CONSUMERS_PER_INSTANCE),
                                "SIGN_IN_FAILURES_PER_CLIENT", "1000000",
                                // the tests' seekers are minutes old: count them all toward target statistics
                                "TARGET_SEEKER_ESTABLISHED_AFTER", "PT0S", "TARGET_SEEKER_ESTABLISHED_TARGETS", "1",
                                "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", traces.endpoint(),
                                "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "500ms")));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stack.close();
                    traces.close();
                    Folders.deleteQuietly(home.resolve("postgres"));
                    Folders.deleteQuietly(home.resolve("kafka"));
                }, "system-shutdown"));
                instance = new RunningSystem(stack.start(), traces);
                System.out.println("System under test in " + home + " (service logs kept in " + home.resolve("logs")
                        + ")");
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return instance;
    }

    /** The web app in front of this system, started the first time a test asks for it; its base URL. */
    synchronized String webUrl() {
        if (web == null) {
            ServiceProcess app = stack.webApp(jar("web"), FreePorts.next());
            Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "web-shutdown"));
            web = app.start().awaitReady(Duration.ofSeconds(120));
        }
        return web.baseUrl();
    }

    /** A service's executable jar: as {@code ghost.<module>.jar} names it, else from the module's build. */
    static Path jar(String module) {
        String configured = System.getProperty("ghost." + module + ".jar");
        if (configured != null && Files.exists(Path.of(configured))) {
            return Path.of(configured);
        }
        return LocalStack.executableJar(Path.of(System.getProperty("ghost.root", "..")), module);
    }

    /** Signs up a new seeker and signs them in; returns their access token. */
    Seeker newSeeker(String handlePrefix, String timeZone) {
        String handle = handlePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Answer signUp = commands.post("/api/accounts", Map.of("handle", handle, "password", "correct horse battery",
                "displayName", handlePrefix, "timeZone", timeZone)).send();
        assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
        Answer signIn = commands.post("/api/sessions", Map.of("handle", handle, "password", "correct horse battery"))
                .send();
        assertThat(signIn.status()).as(signIn.toString()).isEqualTo(201);
        return new Seeker(UUID.fromString(signUp.body().get("seekerId").asString()), handle,
                signIn.body().get("accessToken").asString(), ZoneId.of(timeZone));
    }

    /** A token with the operator scope, minted with the command service's key (operators sign in elsewhere). */
    String operatorToken(Seeker anyone) {
        try {
            return TokenMinter.from(stack.postgres().jdbcUrl(LocalStack.COMMAND_DATABASE), anyone.token(),
                    Duration.ofHours(1)).operatorTokenFor(UUID.randomUUID(), "operator");
        }
        catch (Exception ex) {
            throw new IllegalStateException("could not mint an operator token", ex);
        }
    }

    long commandSideCount(String sql, Object... params) {
        return Long.parseLong(column(LocalStack.COMMAND_DATABASE, sql, params).get(0));
    }

    long querySideCount(String sql, Object... params) {
        return Long.parseLong(column(LocalStack.QUERY_DATABASE, sql, params).get(0));
    }

    /** The first column of every row a command-side query returns, as text. */
    List<String> commandSide(String sql, Object... params) {
        return column(LocalStack.COMMAND_DATABASE, sql, params);
    }

    /** The first column of every row a query-side query returns, as text. */
    List<String> querySide(String sql, Object... params) {
        return column(LocalStack.QUERY_DATABASE, sql, params);
    }

    private List<String> column(String database, String sql, Object... params) {
        try (Connection db = connect(database); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(sql, ex);
        }
    }

    /** A connection to one of the system's databases; to the query side's, on its live read models. */
    private Connection connect(String database) throws SQLException {
        String url = stack.postgres().jdbcUrl(database);
        return database.equals(LocalStack.QUERY_DATABASE)
                ? LiveReadModels.connect(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)
                : DriverManager.getConnection(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }

    /** The consumer group of the query side's live generation of the read models. */
    String liveConsumerGroup() {
        return "query-service.g" + querySide("SELECT generation FROM public.read_model_generation WHERE state = 'LIVE'")
                .get(0);
    }

    /**
     * Waits until the query services' consumer group has settled: the consumer threads of exactly
     * {@code instances} instances as its members, each holding partitions, together every partition. After a crash the dead member keeps its partitions until its session times out;
     * tests that kill an instance wait for this so the next test starts from a consuming system.
     */
    void awaitConsumerGroupSettled(int instances) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()))) {
            for (int i = 0; i < 600; i++) {
                String live = liveConsumerGroup();
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(live))
                        .describedGroups().get(live).get();
                long assigned = group.members().stream()
                        .mapToLong(member -> member.assignment().topicPartitions().size()).sum();
                if (group.members().size() == instances * CONSUMERS_PER_INSTANCE && assigned == 6 && group.members().stream()
                        .allMatch(member -> !member.assignment().topicPartitions().isEmpty())) {
                    return;
                }
                sleep(200);
            }
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        throw new AssertionError("the consumer group did not settle with " + instances + " instances");
    }

    /** The ids of every event the event store holds for the seeker (their own, and any naming them), sorted. */
    List<String> storedEventIdsOf(Seeker seeker) {
        return commandSide("""
                SELECT event_identifier FROM domain_event_entry
                WHERE aggregate_identifier = ? OR convert_from(payload, 'UTF8') LIKE ?
                """, seeker.id().toString(), "%\"seekerId\":\"" + seeker.id() + "\"%").stream().sorted().toList();
    }

    /**
     * Waits until the journal holds as many of the seeker's events as the store, then asserts they are the same
     * events, each once.
     */
    void assertJournalHolds(Seeker seeker, List<String> stored, Duration timeout) {
        awaitCount("projected events of " + seeker.handle(), () -> querySideCount(
                "SELECT count(*) FROM seeker_event WHERE seeker_id = ?", seeker.id()), stored.size(), timeout);
        assertThat(querySide("SELECT event_id::text FROM seeker_event WHERE seeker_id = ?", seeker.id())
                .stream().sorted().toList()).as("events of " + seeker.handle()).isEqualTo(stored);
    }

    /** Waits until at least {@code count} commands were issued, for up to {@code timeout}. */
    static void awaitIssued(IntSupplier issued, int count, Duration timeout) {
        for (long i = 0; i < timeout.toMillis() / 100 && issued.getAsInt() < count; i++) {
            sleep(100);
        }
        assertThat(issued.getAsInt()).as("commands issued").isGreaterThanOrEqualTo(count);
    }

    /** Waits for client threads to end, at most five minutes each; fails on any still running. */
    static void joinAll(List<Thread> clients) throws InterruptedException {
        for (Thread client : clients) {
            client.join(Duration.ofMinutes(5).toMillis());
            assertThat(client.isAlive()).as(client.getName()).isFalse();
        }
    }

    /** Waits until a count reaches the expected value; fails if it overshoots or runs out of time. */
    static void awaitCount(String what, LongSupplier count, long expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        long last = count.getAsLong();
        while (last < expected && Instant.now().isBefore(deadline)) {
            sleep(200);
            last = count.getAsLong();
        }
        assertThat(last).as(what).isEqualTo(expected);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    record Seeker(UUID id, String handle, String token, ZoneId zone) {

        /** The seeker's own date now: the date the command service checks their dates against. */
        LocalDate today() {
            return LocalDate.now(zone);
        }
    }
}
