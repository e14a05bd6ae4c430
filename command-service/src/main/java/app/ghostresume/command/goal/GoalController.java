package app.ghostresume.command.goal;

import app.ghostresume.command.platform.Subject;
import app.ghostresume.command.platform.ProblemType;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import app.ghostresume.command.goal.GoalCommands.ChangeGoalTarget;
import app.ghostresume.command.goal.GoalCommands.RetireGoal;
import app.ghostresume.command.goal.GoalCommands.SetGoal;
import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.events.ConsistencyToken;
import app.ghostresume.command.platform.web.RequestIds;
import app.ghostresume.command.platform.web.CurrentSeeker;
import app.ghostresume.command.seeker.SeekerCalendar;
import app.ghostresume.events.Category;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.events.GoalPeriod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Goals over HTTP: set, change the target of, and retire (DELETE) one's own goals. Field formats are checked
 * here; the rules live in {@link GoalAggregate}. Every write answers with the goal's id and a consistency token.
 */
@RestController
@RequestMapping("/api/goals")
class GoalController {

    /** Goals not retired (running or over) a seeker may have at once: every read evaluates them all. */
    static final int MAX_GOALS = 20;

    private final CommandGateway commands;
    private final SeekerCalendar calendar;
    private final SeekerGoals goals;

    GoalController(CommandGateway commands, SeekerCalendar calendar, SeekerGoals goals) {
        this.commands = commands;
        this.calendar = calendar;
        this.goals = goals;
    }

    /**
     * With an {@code Idempotency-Key} the goal's id derives from the key, as an attempt's does. A seeker with
     * {@value #MAX_GOALS} goals not retired retires one first (409 {@code too-many-goals}).
     */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @Transactional
    ResponseEntity<Accepted> set(@CurrentSeeker UUID seekerId, @Valid @RequestBody GoalRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        UUID goalId = RequestIds.forNew(seekerId, "goal", idempotencyKey);
        LocalDate today = calendar.today(seekerId);
        if (goals.notRetired(seekerId) >= MAX_GOALS) {
            throw RuleViolation.of(ProblemType.TOO_MANY_GOALS, "You have " + MAX_GOALS
                    + " goals not retired, the most one may have; retire one (its history stays) to set another.");
        }
        goals.add(goalId, seekerId, request.endsOn());
        long version = commands.<Long>sendAndWait(new SetGoal(goalId, seekerId, today, request.metric(),
                request.category(), request.target(), request.period(), request.startsOn(), request.endsOn()));
        return ResponseEntity.created(URI.create("/api/goals/" + goalId))
                .body(new Accepted(goalId, ConsistencyToken.of(goalId, version)));
    }

    /** The same target as the latest one records nothing and answers 200 with the current token. */
    @PatchMapping("/{goalId}")
    Accepted changeTarget(@CurrentSeeker UUID seekerId, @PathVariable("goalId") String path,
            @Valid @RequestBody TargetRequest request) {
        UUID goalId = RequestIds.inPath(path, Subject.GOAL);
        return send(goalId, new ChangeGoalTarget(goalId, seekerId, calendar.today(seekerId), request.target()));
    }

    /** Retires the goal; its past periods stay in its history. Retiring it again is a 409. */
    @DeleteMapping("/{goalId}")
    @Transactional
    Accepted retire(@CurrentSeeker UUID seekerId, @PathVariable("goalId") String path) {
        UUID goalId = RequestIds.inPath(path, Subject.GOAL);
        Accepted retired = send(goalId, new RetireGoal(goalId, seekerId, calendar.today(seekerId)));
        goals.retired(goalId);
        return retired;
    }

    private Accepted send(UUID goalId, Object command) {
        long version = commands.<Long>sendAndWait(command);
        return new Accepted(goalId, ConsistencyToken.of(goalId, version));
    }


    record Accepted(UUID goalId, ConsistencyToken consistencyToken) {
    }

    /** {@code category} is optional: without one the goal counts every category. */
    record GoalRequest(@NotNull GoalMetric metric, Category category,
            @NotNull @Min(GoalAggregate.MIN_TARGET) @Max(GoalAggregate.MAX_TARGET) Integer target,
            @NotNull GoalPeriod period, @NotNull LocalDate startsOn, LocalDate endsOn) {
    }

    record TargetRequest(@NotNull @Min(GoalAggregate.MIN_TARGET) @Max(GoalAggregate.MAX_TARGET) Integer target) {
    }
}
