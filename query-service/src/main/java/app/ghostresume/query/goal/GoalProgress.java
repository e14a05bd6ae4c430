package app.ghostresume.query.goal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import app.ghostresume.events.DateRange;
import app.ghostresume.query.pause.PausedDays;

/**
 * Judges a goal's periods from their counts: each ended period is MET, MISSED or PAUSED
 * ({@link PeriodStatus#of}); the open one only says whether it is met so far. Then the streak and the
 * consistency score over them.
 */
final class GoalProgress {

    private GoalProgress() {
    }

    /**
     * @param periods the goal's periods begun by today, oldest first
     *                ({@link app.ghostresume.events.GoalPeriod#begunBy})
     * @param counts  the count of the goal's metric in each of them, same order
     */
    static GoalView.Goal evaluate(GoalDefinition goal, List<DateRange> periods, long[] counts, PausedDays paused,
            LocalDate today) {
        List<GoalView.Ended> history = new ArrayList<>();
        List<PeriodStatus> statuses = new ArrayList<>();
        GoalView.Current current = null;
        ConsistencyScore score = new ConsistencyScore();
        for (int i = 0; i < periods.size(); i++) {
            DateRange period = periods.get(i);
            int target = goal.targetFor(period.start());
            if (period.endedBy(today)) {
                PeriodStatus status = PeriodStatus.of(counts[i], target, paused.coversAll(period.start(), period.end()),
                        paused.coversAny(period.start(), period.end()));
                history.add(new GoalView.Ended(period.start(), period.end(), counts[i], target, status));
                statuses.add(status);
                if (status != PeriodStatus.PAUSED) {
                    score.add(counts[i], target);
                }
            }
            else if (period.contains(today)) {
                current = new GoalView.Current(period.start(), period.end(), counts[i], target, counts[i] >= target);
            }
        }
        boolean openMet = current != null && current.met();
        if (openMet) {
            score.add(current.count(), current.target());
        }
        return new GoalView.Goal(goal.goalId(), goal.metric(), goal.category(), goal.period(), goal.latestTarget(),
                goal.startsOn(), goal.endsOn(), goal.retired(), current, history, Streaks.ofGoal(statuses, openMet),
                score.percent());
    }
}
