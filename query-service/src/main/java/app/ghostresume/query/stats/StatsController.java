package app.ghostresume.query.stats;

import java.time.LocalDate;
import java.util.UUID;

import app.ghostresume.events.Category;
import app.ghostresume.query.platform.ApiProblem;
import app.ghostresume.query.platform.CurrentSeeker;
import app.ghostresume.query.platform.StorableDates;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me/stats?from=&to=&category=}: the caller's figures over an inclusive, optional period. */
@RestController
class StatsController {

    private final AttemptStatistics statistics;

    StatsController(AttemptStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/me/stats")
    StatsReport stats(@CurrentSeeker UUID seekerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Category category) {
        StorableDates.require(from, "from");
        StorableDates.require(to, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.invalid("from", "must not be after to");
        }
        return statistics.report(seekerId, from, to, category);
    }
}
