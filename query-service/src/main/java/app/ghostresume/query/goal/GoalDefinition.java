package app.ghostresume.query.goal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.ghostresume.events.Category;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.events.GoalPeriod;

/**
 * A goal as the seeker defined it: what it counts, its first target and the target changes in the order they were
 * made.
 *
 * @param category  {@code null} counts every category
 * @param retiredOn {@code null} while the goal is pursued
 */
record GoalDefinition(UUID goalId, GoalMetric metric, Category category, int target, GoalPeriod period,
        LocalDate startsOn, LocalDate endsOn, LocalDate retiredOn, List<TargetChange> changes) {

    boolean retired() {
        return retiredOn != null;
    }

    /**
     * The target of the period starting on {@code periodStart}: that of the latest change (in the order made)
     * effective on or before that day, else the goal's first target. Periods already begun keep theirs.
     */
    int targetFor(LocalDate periodStart) {
        int target = this.target;
        for (TargetChange change : changes) {
            if (!change.effectiveFrom().isAfter(periodStart)) {
                target = change.target();
            }
        }
        return target;
    }

    /** The target the goal has now, for the periods to come: the latest change's, else the first. */
    int latestTarget() {
        return changes.isEmpty() ? target : changes.get(changes.size() - 1).target();
    }

    /** A new target for the periods starting on or after {@code effectiveFrom}. */
    record TargetChange(int target, LocalDate effectiveFrom) {
    }
}
