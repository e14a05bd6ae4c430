package app.ghostresume.command.goal;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import app.ghostresume.command.goal.GoalCommands.ChangeGoalTarget;
import app.ghostresume.command.goal.GoalCommands.RetireGoal;
import app.ghostresume.command.goal.GoalCommands.SetGoal;
import app.ghostresume.command.platform.PlausibleDates;
import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.command.platform.Subject;
import app.ghostresume.events.GoalPeriod;
import app.ghostresume.events.GoalRetired;
import app.ghostresume.events.GoalSet;
import app.ghostresume.events.GoalTargetChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One seeker's goal, such as 3 PITCH rejections per WEEK. To anyone but its owner it does not exist.
 *
 * <p>Rules: a target of {@value #MIN_TARGET} to {@value #MAX_TARGET}; a CUSTOM goal needs an end and spans at
 * most {@value #MAX_CUSTOM_DAYS} days; the end is not before the start; dates are plausible (as for attempts). A
 * goal may start in the past: it counts the whole period containing its start.
 *
 * <p>A new target applies from the next period, so periods already begun keep theirs: from the Monday after today
 * (WEEK) or the first of next month (MONTH); from the goal's first period if that has not begun yet; from the
 * start for a CUSTOM goal's single period (the goal calendar, {@link GoalPeriod#targetEffectiveFrom}). A goal whose last period has ended, or has already begun (so that no
 * period is left to take the new target), or that is retired, refuses changes (409). The same target as the latest
 * one set records nothing and answers with the current version. Retiring happens once (a second time is a 409);
 * an ended goal may still be retired.
 *
 * <p>Every command handler answers with the aggregate's version after the command.
 */
@Aggregate
class GoalAggregate {

    static final int MIN_TARGET = 1;
    static final int MAX_TARGET = 1000;
    static final int MAX_CUSTOM_DAYS = 366;
    /** A goal looks back at most this far when set: its history, evaluated on every read, stays bounded. */
    static final Period LONGEST_START_BACK = Period.ofYears(1);

    @AggregateIdentifier
    private UUID goalId;
    private UUID seekerId;
    private GoalPeriod period;
    private LocalDate startsOn;
    private LocalDate endsOn;
    /** The latest target set, whether it applies yet or from the next period on. */
    private int target;
    private boolean retired;

    GoalAggregate() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(SetGoal command) {
        requireTarget(command.target());
        if (command.metric() == null) {
            throw RuleViolation.invalid("metric", "must be given");
        }
        if (command.period() == null) {
            throw RuleViolation.invalid("period", "must be given");
        }
        if (command.startsOn() == null) {
            throw RuleViolation.invalid("startsOn", "must be given");
        }
        requirePlausible(command.startsOn(), "startsOn", command.today());
        if (command.startsOn().isBefore(command.today().minus(LONGEST_START_BACK))) {
            throw RuleViolation.invalid("startsOn", "may be at most a year ago");
        }
        if (command.period() == GoalPeriod.CUSTOM && command.endsOn() == null) {
            throw RuleViolation.invalid("endsOn", "is required for a CUSTOM goal");
        }
        if (command.endsOn() != null) {
            requirePlausible(command.endsOn(), "endsOn", command.today());
            if (command.endsOn().isBefore(command.startsOn())) {
                throw RuleViolation.invalid("endsOn", "may not be before startsOn " + command.startsOn());
            }
            if (command.period() == GoalPeriod.CUSTOM
                    && ChronoUnit.DAYS.between(command.startsOn(), command.endsOn()) + 1 > MAX_CUSTOM_DAYS) {
                throw RuleViolation.invalid("endsOn", "a CUSTOM goal may span at most " + MAX_CUSTOM_DAYS + " days");
            }
        }
        apply(new GoalSet(command.goalId(), command.seekerId(), command.metric(), command.category(),
                command.target(), command.period(), command.startsOn(), command.endsOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ChangeGoalTarget command) {
        requireOwner(command.seekerId());
        requireTarget(command.target());
        requireNotRetired();
        LocalDate today = command.today();
        LocalDate lastDay = period.lastDay(startsOn, endsOn);
        if (lastDay != null && today.isAfter(lastDay)) {
            throw RuleViolation.of(ProblemType.GOAL_STATE_CONFLICT,
                    "The goal ended on " + lastDay + ".");
        }
        LocalDate effectiveFrom = period.targetEffectiveFrom(today, startsOn);
        if (lastDay != null && effectiveFrom.isAfter(lastDay)) {
            throw RuleViolation.of(ProblemType.GOAL_STATE_CONFLICT,
                    "The goal's last period has begun and keeps its target; the goal ends on " + lastDay + ".");
        }
        if (command.target() != target) {
            apply(new GoalTargetChanged(goalId, seekerId, command.target(), effectiveFrom));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RetireGoal command) {
        requireOwner(command.seekerId());
        requireNotRetired();
        apply(new GoalRetired(goalId, seekerId, command.today()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(GoalSet event) {
        goalId = event.goalId();
        seekerId = event.seekerId();
        period = event.period();
        startsOn = event.startsOn();
        endsOn = event.endsOn();
        target = event.target();
    }

    @EventSourcingHandler
    void on(GoalTargetChanged event) {
        target = event.target();
    }

    @EventSourcingHandler
    void on(GoalRetired event) {
        retired = true;
    }

    private void requireOwner(UUID actingSeeker) {
        if (!actingSeeker.equals(seekerId)) {
            throw RuleViolation.notFound(Subject.GOAL);
        }
    }

    private void requireNotRetired() {
        if (retired) {
            throw RuleViolation.of(ProblemType.GOAL_STATE_CONFLICT,
                    "The goal is retired.");
        }
    }

    private static void requireTarget(Integer target) {
        if (target == null || target < MIN_TARGET || target > MAX_TARGET) {
            throw RuleViolation.invalid("target", "must be between " + MIN_TARGET + " and " + MAX_TARGET);
        }
    }

    private static void requirePlausible(LocalDate date, String field, LocalDate today) {
        PlausibleDates.problemWith(date, today).ifPresent(problem -> {
            throw RuleViolation.invalid(field, problem);
        });
    }
}
