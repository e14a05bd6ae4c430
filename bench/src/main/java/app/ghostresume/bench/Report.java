package app.ghostresume.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes the run's figures as a table for people and as JSON for tools. */
final class Report {

    private Report() {
    }

    static void write(Path folder, List<Measurement> commands, List<Measurement> baseline, Map<String, Object> run)
            throws IOException {
        Files.createDirectories(folder);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", run);
        json.put("commands", commands.stream().map(Measurement::toMap).toList());
        json.put("jdbcBaseline", baseline.stream().map(Measurement::toMap).toList());
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(folder.resolve("report.json"), mapper.writeValueAsString(json));

        StringBuilder md = new StringBuilder("# Ghost Résumé benchmark\n\n");
        md.append("Run: ").append(run).append("\n\n");
        md.append("## Commands against the write path's physical limit\n\n");
        md.append("Commands: closed-loop HTTP clients, each a seeker logging attempts and recording answers "
                + "(`POST /api/attempts`, `/rejection`, `/ghosting`, `/acceptance`). Baseline: plain JDBC, one "
                + "INSERT of an event-sized row and a COMMIT per operation, same PostgreSQL, same concurrency.\n\n");
        md.append("| clients | commands/s | p50 ms | p95 ms | p99 ms | max ms | errors | JDBC baseline ops/s "
                + "| baseline p99 ms | ours / baseline |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < commands.size(); i++) {
            Measurement ours = commands.get(i);
            Measurement limit = i < baseline.size() ? baseline.get(i) : null;
            md.append(String.format("| %d | %.0f | %.2f | %.2f | %.2f | %.2f | %d | %s | %s | %s |%n",
                    ours.concurrency(), ours.throughput(), ours.millis(50), ours.millis(95), ours.millis(99),
                    ours.latency().getMaxValue() / 1e6, ours.errors(),
                    limit == null ? "" : String.format("%.0f", limit.throughput()),
                    limit == null ? "" : String.format("%.2f", limit.millis(99)),
                    limit == null ? "" : String.format("%.0f %%", 100 * ours.throughput() / limit.throughput())));
        }
        Files.writeString(folder.resolve("report.md"), md.toString());
    }
}
