package app.ghostresume.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes the run's figures as tables for people ({@code report.md}) and as JSON for tools ({@code report.json}). */
final class Report {

    private Report() {
    }

    static void write(Path folder, Results results, List<String> charts) throws IOException {
        Files.createDirectories(folder);
        List<Targets.Verdict> verdicts = Targets.judge(results);
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(folder.resolve("report.json"), mapper.writeValueAsString(json(results, verdicts, charts)));
        Files.writeString(folder.resolve("report.md"), markdown(results, verdicts, charts));
    }

    private static double ms(Histogram histogram, double percentile) {
        return FreshnessProbe.Freshness.millis(histogram, percentile);
    }

    private static Map<String, Object> json(Results results, List<Targets.Verdict> verdicts, List<String> charts) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", results.run());
        json.put("targets", verdicts.stream().map(Targets.Verdict::toMap).toList());
        json.put("commands", results.commands().stream().map(Measurement::toMap).toList());
        json.put("jdbcBaseline", results.baseline().stream().map(Measurement::toMap).toList());
        json.put("freshness", results.freshness().stream().map(FreshnessProbe.Freshness::toMap).toList());
        Map<String, Object> queries = new LinkedHashMap<>();
        queries.put("seeding", results.seeded().toMap());
        queries.put("seekers", results.seekers());
        queries.put("endpoints", results.queries().stream().map(Measurement::toMap).toList());
        json.put("queries", queries);
        json.put("replay", results.replay().toMap());
        json.put("communityReport", results.community().toMap());
        json.put("sealing", results.sealing().toMap());
        json.put("resources", resources(results.resources()));
        json.put("storage", results.storage().stream().map(Storage.Store::toMap).toList());
        json.put("charts", charts);
        return json;
    }

    private static List<Map<String, Object>> resources(ResourceMonitor monitor) {
        List<ResourceMonitor.Snapshot> snapshots = monitor.snapshots();
        return monitor.processes().stream().map(process -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("process", process);
            Map<String, Object> cpu = new LinkedHashMap<>();
            double total = 0;
            ResourceMonitor.Usage last = null;
            for (int i = 0; i < snapshots.size(); i++) {
                if (snapshots.get(i).usage().containsKey(process)) {
                    double seconds = monitor.cpuDuring(i, process);
                    total += seconds;
                    cpu.put(snapshots.get(i).phase(), Measurement.round(seconds));
                    last = snapshots.get(i).usage().get(process);
                }
            }
            row.put("cpuSecondsByPhase", cpu);
            row.put("cpuSecondsTotal", Measurement.round(total));
            row.put("rssMb", last == null ? 0 : Measurement.round(last.rssKb() / 1024.0));
            row.put("peakRssMb", last == null ? 0 : Measurement.round(last.peakRssKb() / 1024.0));
            row.put("pssMb", last == null ? 0 : Measurement.round(last.pssKb() / 1024.0));
            row.put("processes", last == null ? 0 : last.pids());
            return row;
        }).toList();
    }

    private static String clients(Measurement measurement) {
        return measurement.concurrency() + (measurement.concurrency() == 1 ? " client" : " clients");
    }

    /** An operation's name without its HTTP request: "board", "challenge report". */
    static String shortName(Measurement measurement) {
        int request = measurement.name().indexOf(" GET ");
        return request < 0 ? measurement.name() : measurement.name().substring(0, request);
    }

    private static String markdown(Results results, List<Targets.Verdict> verdicts, List<String> charts) {
        StringBuilder md = new StringBuilder("# Ghost Résumé benchmark\n\n");
        md.append("Run: `").append(results.run()).append("`\n\n");
        md.append("Everything below was measured in one run on this machine, the system's figures beside the machine's "
                + "own limits (plain JDBC, a bare Kafka consumer) so ratios can be compared across machines.\n\n");

        md.append("## Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
        verdicts.forEach(v -> md.append("| ").append(v.target()).append(" | ").append(v.measured()).append(" | ")
                .append(v.verdict().startsWith("met") ? "✅ " : v.verdict().startsWith("not judged") ? "➖ " : "❌ ")
                .append(v.verdict()).append(" |\n"));

        md.append("\n## Cost per operation\n\n");
        md.append("CPU µs each part of the system spent per operation in each measured window (sampled from `/proc` "
                + "at the window's start and end; the bench JVM split by its threads' CPU time into the Kafka broker "
                + "and the load generator, which also carries the JVM's GC and JIT). Costs move far less between "
                + "runs than rates. System = every part but the load generator.\n\n");
        List<String> parts = results.commands().isEmpty() ? List.of()
                : List.copyOf(results.commands().get(0).cost().seconds().keySet());
        md.append("| operation | ").append(String.join(" | ", parts)).append(" | system |\n|---|")
                .append("---:|".repeat(parts.size() + 1)).append('\n');
        Map<String, CpuCost> costs = new LinkedHashMap<>();
        results.commands().forEach(m -> costs.put("command, " + clients(m), m.cost()));
        results.baseline().forEach(m -> costs.put("JDBC insert + commit, " + clients(m), m.cost()));
        results.queries().forEach(m -> costs.put("read: " + shortName(m) + ", " + clients(m), m.cost()));
        costs.put("replayed event (rebuild)", results.replay().cost());
        costs.forEach((operation, cost) -> {
            md.append("| ").append(operation).append(" | ");
            parts.forEach(part -> md.append(String.format("%.0f | ", cost.micros(part))));
            md.append(String.format("%.0f |%n", cost.systemMicros()));
        });
        md.append("\n![CPU per command](").append(Charts.COMMAND_COST).append(")\n");
        md.append("![CPU per read](").append(Charts.READ_COST).append(")\n");

        md.append("\n## 1. Commands against the write path's physical limit\n\n");
        md.append("Commands: closed-loop HTTP clients, each a seeker logging attempts and recording answers "
                + "(`POST /api/attempts`, `/rejection`, `/ghosting`, `/acceptance`). Baseline: plain JDBC, one "
                + "INSERT of an event-sized row and a COMMIT per operation, same PostgreSQL, same concurrency.\n\n");
        md.append("| clients | commands/s | p50 ms | p95 ms | p99 ms | max ms | errors | JDBC baseline ops/s "
                + "| baseline p99 ms | ours / baseline |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < results.commands().size(); i++) {
            Measurement ours = results.commands().get(i);
            Measurement limit = i < results.baseline().size() ? results.baseline().get(i) : null;
            md.append(String.format("| %d | %.0f | %.2f | %.2f | %.2f | %.2f | %d | %s | %s | %s |%n",
                    ours.concurrency(), ours.throughput(), ours.millis(50), ours.millis(95), ours.millis(99),
                    ours.latency().getMaxValue() / 1e6, ours.errors(),
                    limit == null ? "" : String.format("%.0f", limit.throughput()),
                    limit == null ? "" : String.format("%.2f", limit.millis(99)),
                    limit == null ? "" : String.format("%.1f %%", 100 * ours.throughput() / limit.throughput())));
        }
        md.append("\n![latency against throughput](").append(Charts.LATENCY_VS_THROUGHPUT).append(")\n");
        md.append("![command latency histogram](").append(Charts.COMMAND_HISTOGRAM).append(")\n");

        md.append("\n## 2. End-to-end freshness at a fixed rate\n\n");
        md.append("Commands issued open-loop by a scheduler at a fixed rate, one run per rate, lowest first (same "
                + "workload and seekers as above; the target is judged at 200/s, a lower rate shows the pipeline when "
                + "it is not saturated); after "
                + "each 2xx the seeker reads `GET /api/me/attempts?limit=1` with the answer's `Consistency-Token`, "
                + "which the query service holds until the event is projected. Freshness = command's 2xx → that "
                + "read's 200, split by a tail on the topic into publishing (2xx → on topic) and projecting (on "
                + "topic → visible). Command latency here counts from when the command was due, so a backlog "
                + "shows.\n\n");
        md.append("| asked /s | achieved /s | commands | visible | errors | freshness p50 ms | p95 ms | p99 ms | max ms "
                + "| of which 2xx → on topic p50 / p99 ms | on topic → visible p50 / p99 ms "
                + "| command (from due) p50 / p99 ms |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        results.freshness().forEach(f -> md.append(String.format("| %d | %.1f | %d | %d | %d | %.2f | %.2f | %.2f "
                + "| %.2f | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f |%n", f.rate(), f.achievedRate(), f.issued(),
                f.visible(), f.errors(),
                ms(f.freshness(), 50), ms(f.freshness(), 95), ms(f.freshness(), 99), f.freshness().getMaxValue() / 1e6,
                ms(f.publishing(), 50), ms(f.publishing(), 99), ms(f.projecting(), 50), ms(f.projecting(), 99),
                ms(f.commandLatency(), 50), ms(f.commandLatency(), 99))));
        md.append("\n![freshness histogram](").append(Charts.FRESHNESS_HISTOGRAM).append(")\n");

        HistorySeeder.Seeded seeded = results.seeded();
        md.append(String.format("%n## 3. Query latency at %,d events across %,d seekers%n%n", seeded.events(),
                results.seekers()));
        md.append(String.format("The history was published straight to the topic (shared `EventCodec`, keyed by "
                + "ordering key): %,d events in %.1f s (%.0f/s); the running query service projected them live in "
                + "%.1f s from the first send (%.0f events/s, %s). Readers are a sample of the seeded seekers with "
                + "tokens signed by the command service's key; closed loop, one endpoint at a time.%n%n",
                seeded.events(), seeded.publishSeconds(), seeded.events() / seeded.publishSeconds(), seeded.seconds(),
                seeded.projected() / seeded.seconds(), seeded.caughtUp() ? "caught up"
                        : "NOT caught up: " + seeded.projected() + " of " + seeded.newOnTopic()));
        md.append("| endpoint | clients | reads/s | p50 ms | p95 ms | p99 ms | max ms | errors |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        results.queries().forEach(q -> md.append(String.format("| %s | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %d |%n",
                q.name(), q.concurrency(), q.throughput(), q.millis(50), q.millis(95), q.millis(99),
                q.latency().getMaxValue() / 1e6, q.errors())));
        md.append("\n![query latency](").append(Charts.QUERY_LATENCY).append(")\n");

        ReplayProbe.Replay r = results.replay();
        md.append("\n## 4. Replay: rebuilding the read models from the start of the topic, without downtime\n\n");
        md.append("The rebuild an operator starts (`POST /api/operator/read-models/rebuild`): the running query service "
                + "builds a new generation of every read model in a schema and consumer group of its own, beside the "
                + "live generation, which keeps consuming and serving, and switches readers to it once it has caught "
                + "up. Its rate is counted from the first progress it reports to the switch (migrating the new "
                + "schema is in the wall time). The limit: a bare `KafkaConsumer` reading the same records "
                + "(same isolation level and poll size), doing nothing with them.\n\n");
        md.append("| records | rebuild events/s | rebuild s | wall s (with migration) | bare consumer records/s "
                + "| bare consumer MB/s | replay / bare |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append(String.format("| %d%s | %.0f | %.1f | %.1f | %.0f | %.1f | %.1f %% |%n", r.onTopic(),
                r.caughtUp() ? "" : " (caught up to " + r.projected() + " only)", r.rate(), r.seconds(),
                r.wallSeconds(), r.bare().rate(), r.bare().bytes() / 1e6 / r.bare().seconds(), 100 * r.ratio()));

        CommunityReportProbe.Community community = results.community();
        md.append("\n### The community report over the whole topic\n\n");
        md.append("`./insights.sh` as an operator runs it (its own JVM and consumer group), answering every question "
                + "over all history; its rate is counted from its first record, its wall time includes the JVM's "
                + "start-up and the answering.\n\n");
        md.append("| events | events/s | wall s | bare consumer records/s | report / bare |\n|---:|---:|---:|---:|---:|\n");
        md.append(String.format("| %d | %.0f | %.1f | %.0f | %.1f %% |%n", community.events(), community.rate(),
                community.wallSeconds(), community.bare().rate(), 100 * community.ratio()));

        SealingCost.Costs c = results.sealing();
        md.append("\n### What sealing personal fields costs\n\n");
        md.append(String.format("The seeded history was sealed as the publisher seals it, each seeker's key made in "
                + "the key database on their first event; then %,d of the sealed events were opened in batches of %d "
                + "as the query service opens them, each batch's keys read in one query. Per command, the command "
                + "service seals its new events once, into the event store (the publisher sends them as stored), "
                + "and opens the aggregate's earlier events as it loads them; per replayed event, the query service "
                + "opens once and shares its batch's key lookup.%n%n", c.opened(),
                SealingCost.BATCH));
        md.append("| events (with personal fields) | seekers keyed | seal µs/event | key made µs/seeker | open µs/event "
                + "| key lookup ms/batch | key lookup µs/event |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append(String.format("| %,d (%,d) | %,d | %.1f | %.0f | %.1f | %.2f | %.1f |%n", c.events(),
                c.withPersonalFields(), c.seekers(), c.sealMicros(), c.keyMakingMicros(), c.openMicros(),
                c.lookupMillis(), c.lookupMicrosPerEvent()));

        md.append("\n## 5. Resources\n\n");
        md.append("CPU seconds each process spent in each phase (from `/proc/<pid>/stat`), and memory at its last "
                + "sample (`VmRSS`, `VmHWM` peak, and PSS from `smaps_rollup`; PostgreSQL is the postmaster and its "
                + "backends summed, so its RSS counts shared buffers once per process and PSS is the fair figure). "
                + "The bench JVM hosts the Kafka broker and the load generator together.\n\n");
        List<Map<String, Object>> rows = resources(results.resources());
        List<String> phases = results.resources().snapshots().stream().map(ResourceMonitor.Snapshot::phase).toList();
        md.append("| process | ").append(String.join(" | ", phases))
                .append(" | CPU s total | RSS MB | peak RSS MB | PSS MB |\n|---|");
        md.append("---:|".repeat(phases.size() + 4)).append('\n');
        for (Map<String, Object> row : rows) {
            @SuppressWarnings("unchecked")
            Map<String, Object> cpu = (Map<String, Object>) row.get("cpuSecondsByPhase");
            md.append("| ").append(row.get("process")).append(" | ");
            phases.forEach(p -> md.append(cpu.containsKey(p) ? cpu.get(p) : "–").append(" | "));
            md.append(row.get("cpuSecondsTotal")).append(" | ").append(row.get("rssMb")).append(" | ")
                    .append(row.get("peakRssMb")).append(" | ").append(row.get("pssMb")).append(" |\n");
        }

        md.append("\n## 6. Storage: bytes per event\n\n| store | bytes | events | bytes/event | where |\n"
                + "|---|---:|---:|---:|---|\n");
        results.storage().forEach(s -> md.append(String.format("| %s | %,d | %,d | %.0f | %s |%n", s.name(),
                s.bytes(), s.events(), s.bytesPerEvent(), s.parts())));
        md.append("\nKafka: `.log` segment bytes over records on the topic (lz4-compressed batches; the seeded history "
                + "was sent in fuller batches than the live publisher's, which compress better). Read models: every "
                + "table of the query database but the consumer's bookkeeping, over the events in its journal.\n");
        md.append("\nCharts: ").append(String.join(", ", charts)).append('\n');
        return md.toString();
    }
}
