package app.ghostresume.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import app.ghostresume.stack.Folders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole benchmark end to end at a tiny scale (a second or so per phase, 10,000 seeded events across 100
 * seekers, enough for the replay to take several of the query service's batches of up to 2,000 records, since its
 * rate is counted from the first): proves that every phase runs against the real system and that the report, its
 * JSON and its charts come out with a figure in every section. What the figures are is not judged here; the full run is a manual
 * command (see bench/README.md).
 */
class BenchmarkSmokeTest {

    @Test
    void runsEveryPhaseAndWritesTheReport() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Path out = target.resolve("smoke-report");
        List<String> args = new ArrayList<>(List.of("--root=" + target.getParent().getParent(),
                "--home=" + target.resolve("smoke-stack"), "--out=" + out));
        // the jars Maven resolved (this build's, in the reactor); else those under the repository root
        for (String service : List.of("command", "query")) {
            String jar = System.getProperty("ghost." + service + "-service.jar");
            if (jar != null && Files.exists(Path.of(jar))) {
                args.add("--" + service + "-jar=" + jar);
            }
        }
        args.addAll(List.of("--ports=free", "--service-jvm=-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
                "--concurrency=1,8", "--jit-warmup=PT1S", "--warmup=PT0.5S", "--window=PT1S",
                "--freshness-rate=50", "--freshness-window=PT1S", "--query-clients=4",
                "--events=10000", "--seekers=100", "--veteran-events=1500",
                "--projection-limit=PT60S"));

        Benchmark.run(Options.parse(args.toArray(String[]::new)));

        assertThat(out.resolve("report.md")).isNotEmptyFile();
        for (String chart : List.of(Charts.LATENCY_VS_THROUGHPUT, Charts.COMMAND_HISTOGRAM,
                Charts.FRESHNESS_HISTOGRAM, Charts.QUERY_LATENCY)) {
            assertThat(out.resolve(chart)).as(chart).isNotEmptyFile();
            assertThat(Files.readAllBytes(out.resolve(chart))).as(chart + " is a PNG").startsWith(0x89, 'P', 'N', 'G');
        }
        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("## Targets", "## 1. Commands", "## 2. End-to-end freshness", "## 3. Query latency",
                "## 4. Replay", "## 5. Resources", "## 6. Storage");

        JsonNode report = JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
        List<String> missing = new ArrayList<>();
        for (JsonNode level : report.get("commands")) {
            positive(missing, "commands", level, "throughputPerSecond", "p50Ms", "p99Ms", "maxMs");
        }
        assertThat(report.get("commands")).hasSize(2);
        // the services' JIT compilers apart from their work
        assertThat(report.get("commands").get(0).get("cpuMicrosPerOperation").propertyNames())
                .contains("command-service", "query-service", ResourceMonitor.SERVICES_JIT, "PostgreSQL", "system");
        for (JsonNode level : report.get("jdbcBaseline")) {
            positive(missing, "jdbcBaseline", level, "throughputPerSecond", "p50Ms", "p99Ms");
        }
        assertThat(report.get("freshness")).hasSize(1);
        for (JsonNode rate : report.get("freshness")) {
            positive(missing, "freshness", rate, "achievedRatePerSecond", "visible", "freshnessP50Ms",
                    "freshnessP99Ms", "publishingP99Ms", "projectingP99Ms", "commandP50Ms");
        }
        positive(missing, "seeding", report.get("queries").get("seeding"), "events", "publishedPerSecond",
                "projectedPerSecond");
        assertThat(report.get("queries").get("seeding").get("events").asLong()).isGreaterThanOrEqualTo(10_000);
        // ten read models, a month's and a challenge's report, and the veteran's year report
        assertThat(report.get("queries").get("endpoints")).hasSize(13);
        assertThat(report.get("queries").get("endpoints").get(12).get("name").asString())
                .startsWith("year report of 1500 events");
        for (JsonNode endpoint : report.get("queries").get("endpoints")) {
            positive(missing, endpoint.get("name").asString(), endpoint, "throughputPerSecond", "p50Ms", "p99Ms");
            assertThat(endpoint.get("errors").asLong()).as(endpoint.get("name").asString() + " errors").isZero();
        }
        positive(missing, "replay", report.get("replay"), "replayedPerSecond", "bareConsumerPerSecond",
                "replayToBareRatio", "recordsProjected");
        assertThat(report.get("replay").get("caughtUp").asBoolean()).as("replay caught up").isTrue();
        positive(missing, "communityReport", report.get("communityReport"), "events", "eventsPerSecond",
                "toBareRatio");
        assertThat(out.resolve("insights").resolve("report.md")).isNotEmptyFile();
        List<String> processes = new ArrayList<>();
        for (JsonNode process : report.get("resources")) {
            processes.add(process.get("process").asString());
            positive(missing, process.get("process").asString(), process, "cpuSecondsTotal", "rssMb");
        }
        assertThat(processes).contains("command-service", "query-service", "PostgreSQL");
        assertThat(report.get("storage")).hasSize(3);
        for (JsonNode store : report.get("storage")) {
            positive(missing, store.get("name").asString(), store, "bytes", "events", "bytesPerEvent");
        }
        assertThat(report.get("targets").size()).isGreaterThan(5);
        assertThat(missing).as("figures that are not > 0").isEmpty();
        Folders.deleteQuietly(target.resolve("smoke-stack")); // kept (with the service logs) only when it failed
    }

    private static void positive(List<String> missing, String section, JsonNode node, String... fields) {
        for (String field : fields) {
            if (node == null || node.get(field) == null || !(node.get(field).asDouble() > 0)) {
                missing.add(section + "." + field + " = " + (node == null ? null : node.get(field)));
            }
        }
    }
}
