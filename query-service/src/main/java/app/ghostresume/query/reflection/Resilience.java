package app.ghostresume.query.reflection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.ghostresume.events.Category;
import app.ghostresume.query.platform.Ratio;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a seeker weathers rejection, computed in one query over {@code attempt_board} and {@code reflection}: per
 * calendar month (a rejection by the day it came, a reflection by the day it was recorded), per category (the
 * attempt's) and overall, the rejections, their average sting (of those given one), the reflections, and the
 * share of reflections that answered "was it personal?" with NO among those that answered it at all.
 */
@Component
class Resilience {

    private final JdbcClient jdbc;

    Resilience(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Report report(UUID seekerId) {
        List<Month> months = new ArrayList<>();
        List<CategoryFigures> categories = new ArrayList<>();
        Figures[] overall = { new Figures(0, null, 0, null) };
        jdbc.sql("""
                WITH fact AS (
                    SELECT to_char(outcome_on, 'YYYY-MM') AS month, category, 1 AS rejection, sting,
                           0 AS reflection, NULL::text AS personal
                    FROM attempt_board
                    WHERE seeker_id = :seekerId AND status = 'REJECTED'
                    UNION ALL
                    SELECT to_char(r.recorded_on, 'YYYY-MM'), b.category, 0, NULL, 1, r.was_it_personal
                    FROM reflection r
                    LEFT JOIN attempt_board b ON b.attempt_id = r.attempt_id AND b.seeker_id = r.seeker_id
                    WHERE r.seeker_id = :seekerId
                )
                SELECT month, category, GROUPING(month) = 0 AS by_month, GROUPING(category) = 0 AS by_category,
                       sum(rejection) AS rejections, avg(sting) AS average_sting, sum(reflection) AS reflections,
                       count(*) FILTER (WHERE personal = 'NO') AS not_personal, count(personal) AS answered
                FROM fact
                GROUP BY GROUPING SETS ((month), (category), ())
                ORDER BY month, category
                """)
                .param("seekerId", seekerId)
                .query(rs -> {
                    BigDecimal sting = rs.getBigDecimal("average_sting");
                    Figures figures = new Figures(rs.getLong("rejections"),
                            sting == null ? null : sting.setScale(2, RoundingMode.HALF_UP).doubleValue(),
                            rs.getLong("reflections"), Ratio.of(rs.getLong("not_personal"), rs.getLong("answered")));
                    if (rs.getBoolean("by_month")) {
                        months.add(new Month(rs.getString("month"), figures.rejections(), figures.averageSting(),
                                figures.reflections(), figures.notPersonalShare()));
                    }
                    else if (rs.getBoolean("by_category")) {
                        String category = rs.getString("category");
                        if (category != null) {
                            categories.add(new CategoryFigures(Category.valueOf(category), figures.rejections(),
                                    figures.averageSting(), figures.reflections(), figures.notPersonalShare()));
                        }
                    }
                    else {
                        overall[0] = figures;
                    }
                });
        return new Report(months, categories, overall[0]);
    }


    /** The JSON of {@code GET /api/me/resilience}. */
    record Report(List<Month> byMonth, List<CategoryFigures> byCategory, Figures overall) {
    }

    /** @param month {@code YYYY-MM} */
    record Month(String month, long rejections, Double averageSting, long reflections, Double notPersonalShare) {
    }

    record CategoryFigures(Category category, long rejections, Double averageSting, long reflections,
            Double notPersonalShare) {
    }

    record Figures(long rejections, Double averageSting, long reflections, Double notPersonalShare) {
    }
}
