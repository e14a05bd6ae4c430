package app.ghostresume.query.goal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.Category;
import app.ghostresume.events.DateRange;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.events.GoalRetired;
import app.ghostresume.events.GoalSet;
import app.ghostresume.events.GoalTargetChanged;
import app.ghostresume.query.pause.PausedDays;

/**
 * A seeker's goals judged from their replayed events rather than from the goal tables: the goals folded from
 * GoalSet, GoalTargetChanged and GoalRetired as {@link GoalProjection} keeps them, then each judged on a given day
 * by the goal calendar ({@link app.ghostresume.events.GoalPeriod}), {@link GoalProgress}, {@link Streaks} and
 * {@link ConsistencyScore}, exactly as {@code GET /api/me/goals} judges them today.
 */
public final class GoalReplay {

    private GoalReplay() {
    }

    /**
     * The goals the events set (retired ones too), in the order set, judged as of {@code today}: each period begun by
     * then with its count, target and status, the streak and the consistency score.
     */
    public static List<GoalView.Goal> judge(List<EventEnvelope> events, FactCount counts, PausedDays paused,
            LocalDate today) {
        List<GoalView.Goal> judged = new ArrayList<>();
        for (GoalDefinition goal : definitions(events)) {
            List<DateRange> periods = goal.period().begunBy(goal.startsOn(), goal.endsOn(), goal.retiredOn(), today,
                    today.minus(Goals.EVALUATED_BACK));
            long[] ofGoal = new long[periods.size()];
            for (int i = 0; i < ofGoal.length; i++) {
                ofGoal[i] = counts.count(goal.metric(), goal.category(), periods.get(i));
            }
            judged.add(GoalProgress.evaluate(goal, periods, ofGoal, paused, today));
        }
        return judged;
    }

    /** The goals as the events define them, in the order set. */
    static List<GoalDefinition> definitions(List<EventEnvelope> events) {
        Map<UUID, Folded> goals = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            if (event.payload() instanceof GoalSet set) {
                goals.putIfAbsent(set.goalId(), new Folded(set));
            }
            else if (event.payload() instanceof GoalTargetChanged changed && goals.containsKey(changed.goalId())) {
                goals.get(changed.goalId()).changes
                        .add(new GoalDefinition.TargetChange(changed.target(), changed.effectiveFrom()));
            }
            else if (event.payload() instanceof GoalRetired retired && goals.containsKey(retired.goalId())) {
                goals.get(retired.goalId()).retiredOn = retired.retiredOn();
            }
        }
        return goals.values().stream().map(Folded::definition).toList();
    }

    /** How many of a goal metric's facts fall in a period, in a category ({@code null}: in every one). */
    @FunctionalInterface
    public interface FactCount {

        long count(GoalMetric metric, Category category, DateRange period);
    }

    private static final class Folded {

        private final GoalSet set;
        private final List<GoalDefinition.TargetChange> changes = new ArrayList<>();
        private LocalDate retiredOn;

        Folded(GoalSet set) {
            this.set = set;
        }

        GoalDefinition definition() {
            return new GoalDefinition(set.goalId(), set.metric(), set.category(), set.target(), set.period(),
                    set.startsOn(), set.endsOn(), retiredOn, List.copyOf(changes));
        }
    }
}
