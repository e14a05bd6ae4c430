package app.ghostresume.query.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.Category;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes the figures with SQL over {@code attempt_board} at query time. Each fact counts in the period of its
 * own date: an attempt (and whether it is still waiting) by the day it was sent, an outcome by the day it came.
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
                       count(*) FILTER (WHERE sent_on BETWEEN :start AND :end) AS attempts,
                       count(*) FILTER (WHERE status = 'REJECTED' AND outcome_on BETWEEN :start AND :end) AS rejections,
                       count(*) FILTER (WHERE status = 'ACCEPTED' AND outcome_on BETWEEN :start AND :end) AS acceptances,
                       count(*) FILTER (WHERE status = 'GHOSTED' AND outcome_on BETWEEN :start AND :end) AS ghosted,
                       count(*) FILTER (WHERE status = 'WITHDRAWN' AND outcome_on BETWEEN :start AND :end) AS withdrawn,
                       count(*) FILTER (WHERE status = 'WAITING' AND sent_on BETWEEN :start AND :end) AS waiting,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY (outcome_on - sent_on)::float8)
                           FILTER (WHERE status IN ('REJECTED', 'ACCEPTED') AND outcome_on BETWEEN :start AND :end)
                           AS median_days_to_response
                FROM attempt_board
                WHERE seeker_id = :seekerId %s
                  AND (sent_on BETWEEN :start AND :end OR outcome_on BETWEEN :start AND :end)
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
        return jdbc.sql("""
                WITH fact AS (
                    SELECT date_trunc('week', sent_on::timestamp)::date AS week_start,
                           1 AS attempts, 0 AS rejections, 0 AS acceptances, 0 AS ghosted
                    FROM attempt_board
                    WHERE seeker_id = :seekerId %1$s AND sent_on BETWEEN :start AND :end
                    UNION ALL
                    SELECT date_trunc('week', outcome_on::timestamp)::date,
                           0, (status = 'REJECTED')::int, (status = 'ACCEPTED')::int, (status = 'GHOSTED')::int
                    FROM attempt_board
                    WHERE seeker_id = :seekerId %1$s AND status IN ('REJECTED', 'ACCEPTED', 'GHOSTED')
                      AND outcome_on BETWEEN :start AND :end
                )
                SELECT week_start, sum(attempts) AS attempts, sum(rejections) AS rejections,
                       sum(acceptances) AS acceptances, sum(ghosted) AS ghosted
                FROM fact
                GROUP BY week_start
                ORDER BY week_start
                """.formatted(categoryFilter))
                .param("seekerId", seekerId)
                .param("start", start)
                .param("end", end)
                .param("category", category == null ? null : category.name())
                .query((rs, row) -> new StatsReport.Week(rs.getObject("week_start", LocalDate.class),
                        rs.getLong("attempts"), rs.getLong("rejections"), rs.getLong("acceptances"),
                        rs.getLong("ghosted")))
                .list();
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
                    ratio(rejections, decided), ratio(acceptances, decided), ratio(rejections + acceptances, decided),
                    medianDaysToResponse, ratio(rejections, acceptances));
        }

        boolean hasFacts() {
            return attempts + rejections + acceptances + ghosted + withdrawn + waiting > 0;
        }

        private static Double ratio(long numerator, long denominator) {
            return denominator == 0 ? null
                    : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP)
                            .doubleValue();
        }
    }
}
