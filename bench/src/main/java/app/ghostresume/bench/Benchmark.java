package app.ghostresume.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.ghostresume.personal.SeekerKeys;
import app.ghostresume.stack.EmbeddedPostgresServer;
import app.ghostresume.stack.Folders;
import app.ghostresume.stack.FreePorts;
import app.ghostresume.stack.LocalStack;
import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.TokenMinter;
import app.ghostresume.stack.testing.HttpApi.Answer;

/**
 * One run of the benchmark, every figure in the same run: starts the whole system in a fresh folder, then
 * <ol>
 * <li>command throughput and latency at several concurrencies, and the plain-JDBC write baseline at the same;</li>
 * <li>end-to-end freshness (command acknowledged → visible through the query API) at a fixed open-loop rate;</li>
 * <li>a large seeded history published straight to the topic, then query latency per endpoint;</li>
 * <li>a rebuild of every read model from the whole topic by the running query service (a new generation beside
 * the live one), beside a bare consumer;</li>
 * <li>CPU and memory of every process per phase, and bytes per event in each store;</li>
 * </ol>
 * and writes {@code report.md}, {@code report.json} and the charts. See {@link Options} for the arguments; the
 * defaults are the full run ({@code --events=1000000 --seekers=10000}).
 *
 * <p>The JIT warm-up runs commands at the highest concurrency before any measurement, then waits for the services'
 * compilers to finish what it made hot, so the first measured level does not pay for a cold JVM. Phases run one
 * after the other, never overlapping, because on a small machine each would otherwise measure the others.
 */
public final class Benchmark {

    static final String TOPIC = "seeker-events";
    private static final int EVENT_PAYLOAD_BYTES = 400;
    /** Seeded seekers who read in the query phase: enough to spread over the data, few enough to sign quickly. */
    private static final int READERS = 2_000;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        run(options);
        System.out.println("Report written to " + options.out().resolve("report.md"));
    }

    static Results run(Options options) throws Exception {
        Path home = options.home();
        Folders.deleteQuietly(home);
        boolean free = options.freePorts();
        LocalStack.Settings settings = new LocalStack.Settings(home, port(free, 25432), port(free, 29092),
                port(free, 29093), port(free, 28080), port(free, 28081),
                options.commandJar() != null ? options.commandJar()
                        : LocalStack.executableJar(options.root(), "command-service"),
                options.queryJar() != null ? options.queryJar()
                        : LocalStack.executableJar(options.root(), "query-service"),
                home.resolve("logs"), options.serviceJvm(), Map.of());
        ResourceMonitor resources = new ResourceMonitor(home.resolve("postgres"))
                .follow("command-service", settings.commandPort()).follow("query-service", settings.queryPort());
        Map<String, Object> run = options.describe();
        run.put("startedAt", Instant.now().toString());
        long seed = options.seed();
        Results results;
        try (LocalStack stack = new LocalStack(settings).start()) {
            resources.snapshot("start-up");
            String commandDb = stack.postgres().jdbcUrl(LocalStack.COMMAND_DATABASE);
            String bootstrap = stack.kafka().bootstrapServers();

            phase("commands");
            List<String> tokens = signUp(new HttpApi(stack.commandUrl()), options.maxConcurrency());
            measureCommands(stack, tokens, options.maxConcurrency(), Duration.ZERO, options.jitWarmUp(), seed + 1,
                    resources);
            awaitCompiled(resources);
            List<Measurement> commands = new ArrayList<>();
            ProjectedOffsets projected = new ProjectedOffsets(stack.postgres().jdbcUrl(LocalStack.QUERY_DATABASE),
                    TOPIC);
            for (int concurrency : options.concurrency()) {
                settle(bootstrap, projected);
                commands.add(measureCommands(stack, tokens, concurrency, options.warmUp(), options.window(), seed,
                        resources));
                System.out.println(line(commands.get(commands.size() - 1)));
            }
            resources.snapshot("commands");

            phase("JDBC baseline");
            settle(bootstrap, projected);
            stack.postgres().ensureDatabase("bench_baseline");
            JdbcBaseline jdbc = new JdbcBaseline(stack.postgres().jdbcUrl("bench_baseline"), EVENT_PAYLOAD_BYTES);
            jdbc.createTable();
            List<Measurement> baseline = new ArrayList<>();
            for (int concurrency : options.concurrency()) {
                baseline.add(jdbc.measure(concurrency, options.warmUp(), options.window(), resources::cpuByComponent));
                System.out.println(line(baseline.get(baseline.size() - 1)));
            }
            resources.snapshot("JDBC baseline");

            List<FreshnessProbe.Freshness> freshness = new ArrayList<>();
            for (int rate : options.freshnessRates()) {
                phase("freshness at " + rate + " commands/s");
                settle(bootstrap, projected);
                freshness.add(FreshnessProbe.measure(stack.commandUrl(), stack.queryUrl(), bootstrap, TOPIC, tokens,
                        rate, options.warmUp(), options.freshnessWindow(), seed + rate));
                System.out.println(freshness.get(freshness.size() - 1).toMap());
            }
            resources.snapshot("freshness");

            phase("seeding " + options.events() + " events across " + options.seekers() + " seekers");
            SeededHistory history = new SeededHistory(seed, options.seekers(), options.events(),
                    options.veteranEvents(), LocalDate.now(ZoneOffset.UTC));
            Map<String, String> keysAt = stack.keysEnvironment();
            SealingCost.Costs sealingCosts;
            HistorySeeder.Seeded seeded;
            try (SeekerKeys keys = SeekerKeys.connect(keysAt.get("KEYS_POSTGRES_URL"), EmbeddedPostgresServer.USER,
                    EmbeddedPostgresServer.PASSWORD, 2, keysAt.get("MASTER_KEYSET"), true)) {
                SealingCost sealing = new SealingCost(keys);
                seeded = HistorySeeder.seed(history, sealing, bootstrap, TOPIC, new ProjectedOffsets(
                        stack.postgres().jdbcUrl(LocalStack.QUERY_DATABASE), TOPIC),
                        options.projectionLimit());
                System.out.println(seeded.toMap());
                resources.snapshot("seeding + projection");
                sealingCosts = sealing.measureOpening();
                System.out.println(sealingCosts.toMap());
            }
            catch (Exception ex) {
                throw ex instanceof InterruptedException interrupted ? interrupted : new IllegalStateException(ex);
            }

            phase("queries");
            List<Measurement> queries = new ArrayList<>();
            TokenMinter minter = TokenMinter.from(commandDb, tokens.get(0), Duration.ofHours(6));
            for (QueryLoad.Endpoint endpoint : endpoints(history, minter)) {
                queries.add(QueryLoad.measure(stack.queryUrl(), endpoint, options.queryClients(), options.warmUp(),
                        options.window(), seed, resources::cpuByComponent));
                System.out.println(line(queries.get(queries.size() - 1)));
            }
            Optional<QueryLoad.Endpoint> veteran = veteranReport(history, minter);
            if (veteran.isPresent()) {
                queries.add(QueryLoad.measure(stack.queryUrl(), veteran.get(), 1, options.warmUp(), options.window(),
                        seed, resources::cpuByComponent));
                System.out.println(line(queries.get(queries.size() - 1)));
            }
            resources.snapshot("queries");

            phase("replay");
            ReplayProbe.Replay replay = ReplayProbe.measure(new HttpApi(stack.queryUrl()),
                    minter.operatorTokenFor(UUID.randomUUID(), "bench-operator"), bootstrap, TOPIC,
                    options.projectionLimit(), () -> resources.snapshot("replay"), resources::cpuByComponent);
            System.out.println(replay.toMap());
            resources.snapshot("bare consumer");

            phase("community report");
            CommunityReportProbe.Community community;
            try {
                community = CommunityReportProbe.measure(settings.queryJar(), bootstrap, TOPIC,
                        createdFolder(options.out()), options.projectionLimit(), replay.bare());
            }
            catch (IllegalStateException ex) {
                // reported as not met, with the reason, rather than losing the rest of the run
                System.out.println(ex.getMessage());
                community = CommunityReportProbe.Community.failed(ex.getMessage(), replay.bare());
            }
            System.out.println(community.toMap());
            resources.snapshot("community report");

            List<Storage.Store> storage = List.of(Storage.eventStore(commandDb),
                    Storage.kafka(home.resolve("kafka"), TOPIC, TopicOffsets.records(bootstrap, TOPIC)),
                    Storage.readModels("read models (the live generation, rebuilt, ghost_query)",
                            stack.postgres().jdbcUrl(LocalStack.QUERY_DATABASE)));
            results = new Results(run, commands, baseline, freshness, seeded, options.seekers(), queries, replay,
                    resources, storage, sealingCosts, community);
        }
        List<String> charts = Charts.write(createdFolder(options.out()), results);
        Report.write(options.out(), results, charts);
        return results;
    }

    /**
     * Waits, up to a minute, until the pipeline is idle: the topic has stopped growing (everything stored is
     * published) and the query side has projected all of it. So each measured window pays for its own commands,
     * not for the backlog the one before left (the JIT warm-up's, above all).
     */
    private static void settle(String bootstrap, ProjectedOffsets projected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        long published = -1;
        while (System.nanoTime() < deadline) {
            long end = TopicOffsets.sum(TopicOffsets.end(bootstrap, TOPIC));
            if (end == published && projected.total() >= end) {
                return;
            }
            published = end;
            Thread.sleep(1_000);
        }
        System.out.println("the pipeline did not settle within a minute; measuring anyway");
    }

    /**
     * Waits, up to a minute, until the services' JIT compilers have drained what the warm-up made hot (under 5 % of a
     * core for two seconds), so the first levels do not pay for compiling what the highest one ran.
     */
    private static void awaitCompiled(ResourceMonitor resources) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        double before = resources.cpuByComponent().get(ResourceMonitor.SERVICES_JIT);
        while (System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            double now = resources.cpuByComponent().get(ResourceMonitor.SERVICES_JIT);
            if (now - before < 0.1) {
                return;
            }
            before = now;
        }
        System.out.println("the services' JIT compilers did not settle within a minute; measuring anyway");
    }

    private static Measurement measureCommands(LocalStack stack, List<String> tokens, int concurrency,
            Duration warmUp, Duration window, long seed, ResourceMonitor resources) throws InterruptedException {
        HttpApi api = new HttpApi(stack.commandUrl());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return LoadRunner.run("commands", concurrency, warmUp, window, resources::cpuByComponent, client -> {
            Workload workload = new Workload(seed * 1000 + client, today);
            String token = tokens.get(client);
            return () -> {
                Workload.Command command = workload.next();
                Answer answer = api.post(command.path(), command.body()).token(token).send();
                if (command.logsAttemptSentOn() != null && answer.status() == 201) {
                    workload.logged(answer.body().get("attemptId").asString(), command.logsAttemptSentOn());
                }
                return answer.status() < 300;
            };
        });
    }

    /**
     * The reads of the query phase: a spread sample of seeded seekers for their own pages (board, stats, timeline,
     * streaks, ghost résumé, resilience), the public feed and a target's statistics, those of them with goals for
     * the goals page, and each challenge read by its creator (a member, so invite-only ones show too).
     */
    private static List<QueryLoad.Endpoint> endpoints(SeededHistory history, TokenMinter minter) {
        List<SeededHistory.Seeker> seekers = history.seekers();
        int step = Math.max(1, seekers.size() / READERS);
        List<QueryLoad.Reader> sample = new ArrayList<>();
        List<QueryLoad.Reader> withGoals = new ArrayList<>();
        for (int i = 0; i < seekers.size(); i += step) {
            SeededHistory.Seeker seeker = seekers.get(i);
            QueryLoad.Reader reader = new QueryLoad.Reader(minter.tokenFor(seeker.id(), seeker.handle()), null);
            sample.add(reader);
            if (seeker.goals() > 0) {
                withGoals.add(reader);
            }
        }
        List<QueryLoad.Reader> challengeReaders = history.challenges().stream()
                .map(c -> new QueryLoad.Reader(minter.tokenFor(c.reader(), "challenge-reader"), c.id().toString()))
                .toList();
        return QueryLoad.endpoints(sample, withGoals, challengeReaders, history.targets(),
                YearMonth.from(history.lastDay()).toString());
    }

    /** The year report of the veteran (ten years of daily activity): the last full year, one reader at a time. */
    private static Optional<QueryLoad.Endpoint> veteranReport(SeededHistory history, TokenMinter minter) {
        return history.veteran().map(veteran -> new QueryLoad.Endpoint("year report of " + veteran.budget()
                + " events (1 reader) GET /api/me/reports/{year}",
                List.of(new QueryLoad.Reader(minter.tokenFor(veteran.id(), veteran.handle()), null)),
                reader -> "/api/me/reports/" + history.lastDay().minusYears(1).getYear()));
    }

    private static List<String> signUp(HttpApi commands, int count) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String handle = "bench-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
            commands.post("/api/accounts", Map.of("handle", handle, "password", "benchmark password",
                    "displayName", handle, "timeZone", "UTC")).send();
            Answer session = commands.post("/api/sessions", Map.of("handle", handle, "password",
                    "benchmark password")).send();
            tokens.add(session.body().get("accessToken").asString());
        }
        return tokens;
    }

    private static int port(boolean free, int fixed) {
        return free ? FreePorts.next() : fixed;
    }

    private static Path createdFolder(Path folder) throws IOException {
        return Files.createDirectories(folder);
    }

    private static void phase(String name) {
        System.out.println("== " + Instant.now() + " " + name);
    }

    private static String line(Measurement m) {
        return String.format("%-36s c=%-3d %8.1f ops/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  errors %d",
                m.name(), m.concurrency(), m.throughput(), m.millis(50), m.millis(99),
                m.latency().getMaxValue() / 1e6, m.errors());
    }
}
