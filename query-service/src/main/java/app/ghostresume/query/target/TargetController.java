package app.ghostresume.query.target;

import java.util.List;
import java.util.UUID;

import app.ghostresume.query.platform.ApiProblem;
import app.ghostresume.query.platform.CurrentSeeker;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/targets/{targetKey}}: one target's pooled figures (the key is normalised first, so any spelling
 * finds it); below the privacy threshold it is 404, like an unknown target. {@code GET /api/targets?query=}:
 * targets whose key starts with the normalised query, most seekers first.
 */
@RestController
class TargetController {

    private final TargetStatistics statistics;

    TargetController(TargetStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/targets/{targetKey}")
    TargetStatistics.Target target(@CurrentSeeker UUID seekerId, @PathVariable String targetKey) {
        return TargetKey.of(targetKey).flatMap(statistics::of)
                .orElseThrow(() -> ApiProblem.notFound("No target " + targetKey + "."));
    }

    @GetMapping("/api/targets")
    Targets targets(@CurrentSeeker UUID seekerId, @RequestParam String query,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        String prefix = TargetKey.of(query)
                .orElseThrow(() -> ApiProblem.invalid("query", "must contain a letter or a digit"));
        return new Targets(statistics.search(prefix, limit));
    }

    /** The JSON of {@code GET /api/targets}. */
    record Targets(List<TargetStatistics.Summary> targets) {
    }
}
