package app.ghostresume.query.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import app.ghostresume.events.Category;

/** The JSON of {@code GET /api/me/stats}: the period's figures, then the same per category and per ISO week. */
record StatsReport(long attempts, long rejections, long acceptances, long ghosted, long withdrawn, long waiting,
        Double rejectionRate, Double acceptanceRate, Double responseRate, Double medianDaysToResponse,
        Double rejectionsPerAcceptance, Map<Category, AttemptStatistics.Figures> byCategory, List<Week> byWeek) {

    static StatsReport of(AttemptStatistics.Figures total, Map<Category, AttemptStatistics.Figures> byCategory,
            List<Week> byWeek) {
        return new StatsReport(total.attempts(), total.rejections(), total.acceptances(), total.ghosted(),
                total.withdrawn(), total.waiting(), total.rejectionRate(), total.acceptanceRate(),
                total.responseRate(), total.medianDaysToResponse(), total.rejectionsPerAcceptance(), byCategory,
                byWeek);
    }

    /** Facts whose date falls in the ISO week starting on Monday {@code weekStart}. */
    record Week(LocalDate weekStart, long attempts, long rejections, long acceptances, long ghosted) {
    }
}
