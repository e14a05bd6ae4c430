package app.ghostresume.query.goal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.UUID;

import app.ghostresume.events.Category;
import app.ghostresume.events.DateRange;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.events.GoalPeriod;
import app.ghostresume.query.pause.PausedDays;
import app.ghostresume.query.pause.Pauses;
import app.ghostresume.query.platform.SqlArrays;
import app.ghostresume.query.seeker.SeekerDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a seeker's goals and judges them as of today in the seeker's time zone, their periods cut by the one goal
 * calendar ({@link GoalPeriod}). The counts of all periods of all goals come from one SQL query over the counted
 * facts ({@code counted_fact}, migration V12): attempts by the day sent, rejections and acceptances by the day
 * received. Ghostings are not rejections.
 */
@Component
class Goals {

    /**
     * How far back a goal's periods are evaluated: goals are set at most a year back, so only one that has run for
     * years loses its oldest periods, and no read evaluates thousands of them.
     */
    static final java.time.Period EVALUATED_BACK = java.time.Period.ofYears(5);

    private final JdbcClient jdbc;
    private final SeekerDirectory seekers;
    private final Pauses pauses;

    Goals(JdbcClient jdbc, SeekerDirectory seekers, Pauses pauses) {
        this.jdbc = jdbc;
        this.seekers = seekers;
        this.pauses = pauses;
    }

    /** The seeker's goals in the order they were set; retired ones only when asked for. */
    List<GoalView.Goal> of(UUID seekerId, boolean includeRetired) {
        List<GoalDefinition> goals = definitions(seekerId, includeRetired);
        if (goals.isEmpty()) {
            return List.of();
        }
        LocalDate today = seekers.todayFor(seekerId);
        PausedDays paused = pauses.pausedDaysOf(seekerId);
        List<List<DateRange>> periods = new ArrayList<>();
        List<Window> windows = new ArrayList<>();
        for (GoalDefinition goal : goals) {
            List<DateRange> ofGoal = goal.period().begunBy(goal.startsOn(), goal.endsOn(), goal.retiredOn(), today,
                    today.minus(EVALUATED_BACK));
            periods.add(ofGoal);
            ofGoal.forEach(period -> windows.add(new Window(goal.metric(), goal.category(), period)));
        }
        long[] counts = counts(seekerId, windows);
        List<GoalView.Goal> evaluated = new ArrayList<>();
        int offset = 0;
        for (int g = 0; g < goals.size(); g++) {
            int size = periods.get(g).size();
            long[] ofGoal = new long[size];
            System.arraycopy(counts, offset, ofGoal, 0, size);
            offset += size;
            evaluated.add(GoalProgress.evaluate(goals.get(g), periods.get(g), ofGoal, paused, today));
        }
        return evaluated;
    }

    /** The activity streak: days with an attempt sent, a rejection, an acceptance or a ghosting the seeker declared. */
    Streaks.Activity activity(UUID seekerId) {
        NavigableSet<LocalDate> days = new TreeSet<>(jdbc.sql("SELECT day FROM active_fact WHERE seeker_id = :seekerId")
                .param("seekerId", seekerId)
                .query(LocalDate.class)
                .list());
        return Streaks.ofActivity(days, pauses.pausedDaysOf(seekerId), seekers.todayFor(seekerId));
    }

    /** The seeker's active days from {@code from} to {@code to}, oldest first, each with how many facts it holds. */
    List<GoalView.ActiveDay> activeDays(UUID seekerId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT day, count(*) AS facts FROM active_fact
                WHERE seeker_id = :seekerId AND day BETWEEN :from AND :to GROUP BY day ORDER BY day
                """)
                .param("seekerId", seekerId)
                .param("from", from)
                .param("to", to)
                .query((rs, row) -> new GoalView.ActiveDay(rs.getObject("day", LocalDate.class), rs.getInt("facts")))
                .list();
    }

    LocalDate todayFor(UUID seekerId) {
        return seekers.todayFor(seekerId);
    }

    private List<GoalDefinition> definitions(UUID seekerId, boolean includeRetired) {
        Map<UUID, List<GoalDefinition.TargetChange>> changes = new HashMap<>();
        jdbc.sql("""
                SELECT c.goal_id, c.target, c.effective_from
                FROM goal_target_change c JOIN goal g ON g.goal_id = c.goal_id
                WHERE g.seeker_id = :seekerId
                ORDER BY c.goal_id, c.sequence
                """)
                .param("seekerId", seekerId)
                .query(rs -> {
                    changes.computeIfAbsent(rs.getObject("goal_id", UUID.class), id -> new ArrayList<>())
                            .add(new GoalDefinition.TargetChange(rs.getInt("target"),
                                    rs.getObject("effective_from", LocalDate.class)));
                });
        return jdbc.sql("""
                SELECT goal_id, metric, category, target, period, starts_on, ends_on, retired_on
                FROM goal
                WHERE seeker_id = :seekerId %s
                ORDER BY set_at, goal_id
                """.formatted(includeRetired ? "" : "AND retired_on IS NULL"))
                .param("seekerId", seekerId)
                .query((rs, row) -> {
                    UUID goalId = rs.getObject("goal_id", UUID.class);
                    String category = rs.getString("category");
                    return new GoalDefinition(goalId, GoalMetric.valueOf(rs.getString("metric")),
                            category == null ? null : Category.valueOf(category), rs.getInt("target"),
                            GoalPeriod.valueOf(rs.getString("period")), rs.getObject("starts_on", LocalDate.class),
                            rs.getObject("ends_on", LocalDate.class), rs.getObject("retired_on", LocalDate.class),
                            List.copyOf(changes.getOrDefault(goalId, List.of())));
                })
                .list();
    }

    /** The count of each window's metric, in the windows' order: one query, one indexed count per window. */
    private long[] counts(UUID seekerId, List<Window> windows) {
        long[] counts = new long[windows.size()];
        if (windows.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                SELECT w.position,
                       (SELECT count(*) FROM counted_fact f
                        WHERE f.seeker_id = :seekerId AND f.fact = w.fact AND f.day BETWEEN w.starts_on AND w.ends_on
                          AND (w.category IS NULL OR f.category = w.category)) AS count
                FROM unnest(CAST(:facts AS text[]), CAST(:categories AS text[]), CAST(:starts AS date[]),
                            CAST(:ends AS date[])) WITH ORDINALITY AS w(fact, category, starts_on, ends_on, position)
                """)
                .param("seekerId", seekerId)
                .param("facts", SqlArrays.column(windows, window -> switch (window.metric()) {
                    case ATTEMPTS -> "SENT";
                    case REJECTIONS -> "REJECTED";
                    case ACCEPTANCES -> "ACCEPTED";
                }))
                .param("categories", SqlArrays.column(windows, Window::category))
                .param("starts", SqlArrays.column(windows, window -> window.period().start()))
                .param("ends", SqlArrays.column(windows, window -> window.period().end()))
                .query(rs -> {
                    counts[(int) rs.getLong("position") - 1] = rs.getLong("count");
                });
        return counts;
    }

    /** A period of a goal and what it counts there. */
    private record Window(GoalMetric metric, Category category, DateRange period) {
    }
}
