package app.ghostresume.query.goal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.ghostresume.events.Category;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.events.GoalPeriod;

/** The JSON shapes of {@code GET /api/me/goals} and {@code GET /api/me/streaks}. */
public final class GoalView {

    private GoalView() {
    }

    record Goals(List<Goal> goals) {
    }

    /**
     * @param target  the target the goal has now (the latest change), which the periods to come get
     * @param current the open period, {@code null} when none is (not begun yet, ended, or retired)
     * @param history the ended periods, oldest first
     */
    public record Goal(UUID goalId, GoalMetric metric, Category category, GoalPeriod period, int target,
            LocalDate startsOn, LocalDate endsOn, boolean retired, Current current, List<Ended> history,
            Streaks.Streak streak, int consistencyScore) {
    }

    /** The open period so far; {@code met} once the count reached the target. */
    public record Current(LocalDate periodStart, LocalDate periodEnd, long count, int target, boolean met) {
    }

    public record Ended(LocalDate periodStart, LocalDate periodEnd, long count, int target, PeriodStatus status) {
    }

    record StreakReport(Streaks.Activity activity, List<GoalStreak> goals) {
    }

    /** {@code GET /api/me/activity}: the window asked for and its active days (days without a fact are left out). */
    record Activity(LocalDate from, LocalDate to, List<ActiveDay> days) {
    }

    /** A day with at least one fact that makes it active, and how many. */
    record ActiveDay(LocalDate day, int facts) {
    }

    record GoalStreak(UUID goalId, GoalMetric metric, Category category, GoalPeriod period, int current,
            int longest, int consistencyScore) {

        static GoalStreak of(Goal goal) {
            return new GoalStreak(goal.goalId(), goal.metric(), goal.category(), goal.period(),
                    goal.streak().current(), goal.streak().longest(), goal.consistencyScore());
        }
    }
}
