package app.ghostresume.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run does, from {@code --name=value} arguments; every default is the full run the issue asks for, so
 * the documented command needs no arguments. The smoke test passes tiny values for the same code paths.
 *
 * @param root            the repository root: where the services' jars are found and relative paths start
 * @param home            the stack's folder (PostgreSQL data, Kafka logs, service logs); emptied first
 * @param out             where report.md, report.json and the charts go
 * @param commandJar      the command service's executable jar ({@code null}: found under {@code root})
 * @param queryJar        the query service's executable jar ({@code null}: found under {@code root})
 * @param freePorts       free ports instead of the fixed 2xxxx ones, for runs beside other stacks (tests)
 * @param serviceJvm      the services' JVM options
 * @param events          the seeded history's size, in events
 * @param seekers         how many seekers share that history
 * @param freshnessRates  commands per second issued open-loop while freshness is measured, one run each, lowest
 *                        first; the target is judged at 200/s, a lower rate shows the pipeline unsaturated
 * @param queryClients    concurrent readers in the query phase
 * @param veteranEvents   the events of one more seeker, ten years of daily activity, whose year report is timed
 * @param projectionLimit how long seeding may wait for the query service to catch up before it goes on anyway
 */
record Options(Path root, Path home, Path out, Path commandJar, Path queryJar, boolean freePorts,
        List<String> serviceJvm, List<Integer> concurrency, Duration jitWarmUp, Duration warmUp, Duration window,
        long seed, int events, int seekers, List<Integer> freshnessRates, Duration freshnessWindow, int queryClients,
        int veteranEvents, Duration projectionLimit) {

    static Options parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Path root = Path.of(given.getOrDefault("root", ".")).toAbsolutePath().normalize();
        List<Integer> concurrency = new ArrayList<>();
        for (String level : given.getOrDefault("concurrency", "1,8,32,64").split(",")) {
            concurrency.add(Integer.parseInt(level.trim()));
        }
        Options options = new Options(root,
                root.resolve(given.getOrDefault("home", "bench/target/stack")),
                root.resolve(given.getOrDefault("out", "bench/target/report")),
                given.containsKey("command-jar") ? Path.of(given.get("command-jar")) : null,
                given.containsKey("query-jar") ? Path.of(given.get("query-jar")) : null,
                "free".equals(given.getOrDefault("ports", "fixed")),
                Arrays.asList(given.getOrDefault("service-jvm", "-Xmx1g").trim().split("\\s+")),
                List.copyOf(concurrency),
                Duration.parse(given.getOrDefault("jit-warmup", "PT30S")),
                Duration.parse(given.getOrDefault("warmup", "PT5S")),
                Duration.parse(given.getOrDefault("window", "PT15S")),
                Long.parseLong(given.getOrDefault("seed", "42")),
                Integer.parseInt(given.getOrDefault("events", "1000000")),
                Integer.parseInt(given.getOrDefault("seekers", "10000")),
                Arrays.stream(given.getOrDefault("freshness-rate", "50,200").split(","))
                        .map(rate -> Integer.parseInt(rate.trim())).sorted().toList(),
                Duration.parse(given.getOrDefault("freshness-window", "PT30S")),
                Integer.parseInt(given.getOrDefault("query-clients", "16")),
                Integer.parseInt(given.getOrDefault("veteran-events", "20000")),
                Duration.parse(given.getOrDefault("projection-limit", "PT20M")));
        List<String> known = List.of("root", "home", "out", "command-jar", "query-jar", "ports", "service-jvm",
                "concurrency", "jit-warmup", "warmup", "window", "seed", "events", "seekers", "freshness-rate",
                "freshness-window", "query-clients", "veteran-events", "projection-limit");
        given.keySet().stream().filter(name -> !known.contains(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("unknown option --" + name + "; known: " + known);
        });
        if (options.seekers() < 2 || options.events() < 2 * options.seekers()) {
            throw new IllegalArgumentException("need at least 2 seekers and 2 events per seeker");
        }
        return options;
    }

    int maxConcurrency() {
        return concurrency.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    /** The figures that shape the run, for the report's header. */
    Map<String, Object> describe() {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("concurrency", concurrency);
        run.put("jitWarmUp", jitWarmUp.toString());
        run.put("warmUp", warmUp.toString());
        run.put("window", window.toString());
        run.put("seed", seed);
        run.put("events", events);
        run.put("seekers", seekers);
        run.put("freshnessRates", freshnessRates);
        run.put("freshnessWindow", freshnessWindow.toString());
        run.put("queryClients", queryClients);
        run.put("veteranEvents", veteranEvents);
        run.put("serviceJvm", String.join(" ", serviceJvm));
        run.put("cores", Runtime.getRuntime().availableProcessors());
        return run;
    }
}
