package app.ghostresume.command.goal;

import java.time.LocalDate;
import java.util.UUID;

import app.ghostresume.command.platform.Addressed;
import app.ghostresume.command.platform.Subject;
import app.ghostresume.events.Category;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.events.GoalPeriod;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands a goal accepts. Each carries the acting seeker, who must own the goal, and {@code today} in that
 * seeker's time zone.
 */
final class GoalCommands {

    private GoalCommands() {
    }

    /** A command about a goal: not finding it is a missing {@link Subject#GOAL}. */
    interface GoalCommand extends Addressed {

        @Override
        default Subject subject() {
            return Subject.GOAL;
        }
    }

    record SetGoal(UUID goalId, UUID seekerId, LocalDate today, GoalMetric metric, Category category, Integer target,
            GoalPeriod period, LocalDate startsOn, LocalDate endsOn) implements GoalCommand {
    }

    record ChangeGoalTarget(@TargetAggregateIdentifier UUID goalId, UUID seekerId, LocalDate today, Integer target) implements GoalCommand {
    }

    record RetireGoal(@TargetAggregateIdentifier UUID goalId, UUID seekerId, LocalDate today) implements GoalCommand {
    }
}
