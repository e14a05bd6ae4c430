package app.ghostresume.query.stats;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import app.ghostresume.events.Category;
import app.ghostresume.events.DateRange;
import app.ghostresume.query.platform.Ratio;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes the figures with SQL over the counted facts ({@code counted_fact}, migration V12) at query time. Each
 * fact counts in the period of its own date: an attempt (and whether it is still waiting) by the day it was sent,
 * an outcome by the day it came. Weeks are ISO weeks ({@link DateRange#isoWeekOf}).
 */
@Component
class AttemptStatistics {

    private final JdbcClient jdbc;

    AttemptStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    StatsReport report(UUID seekerId, LocalDate from, LocalDate to, Category category) {
        // The driver sends LocalDate.MIN and MAX as -infinity and infinity: an open end.
        LocalDate start = from == null ? LocalDate.MIN : from;
        LocalDate end = to == null ? LocalDate.MAX : to;
        String categoryFilter = category == null ? "" : "AND category = :category";
        Figures total = Figures.NONE;
        Map<Category, Figures> byCategory = new LinkedHashMap<>();
        List<CategoryFigures> rows = jdbc.sql("""
                SELECT category, GROUPING(category) = 1 AS total,
                       count(*) FILTER (WHERE fact = 'SENT') AS attempts,
                       count(*) FILTER (WHERE fact = 'REJECTED') AS rejections,
                       count(*) FILTER (WHERE fact = 'ACCEPTED') AS acceptances,
                       count(*) FILTER (WHERE fact = 'GHOSTED') AS ghosted,
                       count(*) FILTER (WHERE fact = 'WITHDRAWN') AS withdrawn,
                       count(*) FILTER (WHERE fact = 'SENT' AND status = 'WAITING') AS waiting,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY (outcome_on - sent_on)::float8)
                           FILTER (WHERE fact IN ('REJECTED', 'ACCEPTED')) AS median_days_to_response
                FROM counted_fact
                WHERE seeker_id = :seekerId %s AND day BETWEEN :start AND :end
                GROUP BY GROUPING SETS ((category), ())
                ORDER BY category
                """.formatted(categoryFilter))
                .param("seekerId", seekerId)
                .param("start", start)
                .param("end", end)
                .param("category", category == null ? null : category.name())
                .query((rs, row) -> new CategoryFigures(rs.getString("category"), rs.getBoolean("total"),
                        Figures.of(rs.getLong("attempts"), rs.getLong("rejections"), rs.getLong("acceptances"),
                                rs.getLong("ghosted"), rs.getLong("withdrawn"), rs.getLong("waiting"),
                                rs.getObject("median_days_to_response", Double.class))))
                .list();
        for (CategoryFigures row : rows) {
            if (row.total()) {
                total = row.figures();
            }
            else if (row.figures().hasFacts()) {
                byCategory.put(Category.valueOf(row.category()), row.figures());
            }
        }
        return StatsReport.of(total, byCategory, weeks(seekerId, start, end, categoryFilter, category));
    }

    private List<StatsReport.Week> weeks(UUID seekerId, LocalDate start, LocalDate end, String categoryFilter,
            Category category) {
        Map<LocalDate, long[]> weeks = new TreeMap<>();
        jdbc.sql("""
                SELECT day, count(*) FILTER (WHERE fact = 'SENT') AS attempts,
                       count(*) FILTER (WHERE fact = 'REJECTED') AS rejections,
                       count(*) FILTER (WHERE fact = 'ACCEPTED') AS acceptances,
                       count(*) FILTER (WHERE fact = 'GHOSTED') AS ghosted
                FROM counted_fact
                WHERE seeker_id = :seekerId %s AND fact IN ('SENT', 'REJECTED', 'ACCEPTED', 'GHOSTED')
                  AND day BETWEEN :start AND :end
                GROUP BY day
                """.formatted(categoryFilter))
                .param("seekerId", seekerId)
                .param("start", start)
                .param("end", end)
                .param("category", category == null ? null : category.name())
                .query(rs -> {
                    long[] week = weeks.computeIfAbsent(DateRange.isoWeekOf(rs.getObject("day", LocalDate.class))
                            .start(), monday -> new long[4]);
                    week[0] += rs.getLong("attempts");
                    week[1] += rs.getLong("rejections");
                    week[2] += rs.getLong("acceptances");
                    week[3] += rs.getLong("ghosted");
                });
        return weeks.entrySet().stream()
                .map(week -> new StatsReport.Week(week.getKey(), week.getValue()[0], week.getValue()[1],
                        week.getValue()[2], week.getValue()[3]))
                .toList();
    }

    private record CategoryFigures(String category, boolean total, Figures figures) {
    }

    /** Counts and the rates derived from them; rates are {@code null} when their denominator is zero. */
    record Figures(long attempts, long rejections, long acceptances, long ghosted, long withdrawn, long waiting,
            Double rejectionRate, Double acceptanceRate, Double responseRate, Double medianDaysToResponse,
            Double rejectionsPerAcceptance) {

        static final Figures NONE = of(0, 0, 0, 0, 0, 0, null);

        static Figures of(long attempts, long rejections, long acceptances, long ghosted, long withdrawn,
                long waiting, Double medianDaysToResponse) {
            long decided = rejections + acceptances + ghosted;
            return new Figures(attempts, rejections, acceptances, ghosted, withdrawn, waiting,
                    Ratio.of(rejections, decided), Ratio.of(acceptances, decided), Ratio.of(rejections + acceptances, decided),
                    medianDaysToResponse, Ratio.of(rejections, acceptances));
        }

        boolean hasFacts() {
            return attempts + rejections + acceptances + ghosted + withdrawn + waiting > 0;
        }

    }
}
