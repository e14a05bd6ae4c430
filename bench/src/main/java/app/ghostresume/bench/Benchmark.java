package app.ghostresume.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.stack.Folders;
import app.ghostresume.stack.LocalStack;
import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.HttpApi.Answer;

/**
 * One run of the benchmark: starts the whole system in a fresh folder, measures command throughput and latency
 * at several concurrencies, and the plain-JDBC write baseline at the same concurrencies, then writes
 * {@code report.md} and {@code report.json}.
 *
 * <p>Arguments (all optional): {@code --concurrency=1,8,32,64 --jit-warmup=PT30S --warmup=PT5S --window=PT15S
 * --seed=42 --out=bench/target/report}. The JIT warm-up runs commands at the highest concurrency before any
 * measurement, so the first measured level does not pay for a cold JVM.
 */
public final class Benchmark {

    private static final int EVENT_PAYLOAD_BYTES = 400;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<Integer> concurrencies = new ArrayList<>();
        for (String level : options.getOrDefault("concurrency", "1,8,32,64").split(",")) {
            concurrencies.add(Integer.parseInt(level.trim()));
        }
        Duration jitWarmUp = Duration.parse(options.getOrDefault("jit-warmup", "PT30S"));
        Duration warmUp = Duration.parse(options.getOrDefault("warmup", "PT5S"));
        Duration window = Duration.parse(options.getOrDefault("window", "PT15S"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Path out = root.resolve(options.getOrDefault("out", "bench/target/report"));
        Path home = root.resolve("bench/target/stack");
        Folders.deleteQuietly(home);

        LocalStack.Settings settings = new LocalStack.Settings(home, 25432, 29092, 29093, 28080, 28081,
                LocalStack.executableJar(root, "command-service"), LocalStack.executableJar(root, "query-service"),
                home.resolve("logs"), List.of("-Xmx1g"), Map.of());
        List<Measurement> commands = new ArrayList<>();
        List<Measurement> baseline = new ArrayList<>();
        try (LocalStack stack = new LocalStack(settings).start()) {
            int maxClients = concurrencies.stream().mapToInt(Integer::intValue).max().orElse(1);
            List<String> tokens = signUp(new HttpApi(stack.commandUrl()), maxClients);
            measureCommands(stack, tokens, maxClients, Duration.ZERO, jitWarmUp, seed + 1);
            for (int concurrency : concurrencies) {
                commands.add(measureCommands(stack, tokens, concurrency, warmUp, window, seed));
                System.out.println(line(commands.get(commands.size() - 1)));
            }
            stack.postgres().ensureDatabase("bench_baseline");
            JdbcBaseline jdbc = new JdbcBaseline(stack.postgres().jdbcUrl("bench_baseline"), EVENT_PAYLOAD_BYTES);
            jdbc.createTable();
            for (int concurrency : concurrencies) {
                baseline.add(jdbc.measure(concurrency, warmUp, window));
                System.out.println(line(baseline.get(baseline.size() - 1)));
            }
        }
        Report.write(out, commands, baseline, Map.of("jitWarmUp", jitWarmUp.toString(), "warmUp",
                warmUp.toString(), "window", window.toString(),
                "seed", seed, "cores", Runtime.getRuntime().availableProcessors(), "startedAt",
                Instant.now().toString()));
        System.out.println("Report written to " + out.resolve("report.md"));
    }

    private static Measurement measureCommands(LocalStack stack, List<String> tokens, int concurrency,
            Duration warmUp, Duration window, long seed) throws InterruptedException {
        HttpApi api = new HttpApi(stack.commandUrl());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return LoadRunner.run("commands", concurrency, warmUp, window, client -> {
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

    private static String line(Measurement m) {
        return String.format("%-20s c=%-3d %8.1f ops/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  errors %d",
                m.name(), m.concurrency(), m.throughput(), m.millis(50), m.millis(99),
                m.latency().getMaxValue() / 1e6, m.errors());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }
}
