package app.ghostresume.command.challenge;

import app.ghostresume.command.platform.Subject;
import java.net.URI;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import app.ghostresume.command.challenge.ChallengeCommands.CreateChallenge;
import app.ghostresume.command.challenge.ChallengeCommands.JoinChallenge;
import app.ghostresume.command.challenge.ChallengeCommands.LeaveChallenge;
import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.command.platform.web.CleanText;
import app.ghostresume.events.ConsistencyToken;
import app.ghostresume.command.platform.web.RequestIds;
import app.ghostresume.command.platform.web.CurrentSeeker;
import app.ghostresume.command.seeker.SeekerCalendar;
import app.ghostresume.events.Category;
import app.ghostresume.events.ChallengeGoal;
import app.ghostresume.events.ChallengeVisibility;
import app.ghostresume.events.GoalMetric;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Group challenges over HTTP: create one (and join it), join one, leave one. Joining answers 201 with a
 * {@code Location} for the new membership; leaving answers 200. Every write answers with a consistency token of the
 * challenge.
 */
@RestController
@RequestMapping("/api/challenges")
class ChallengeController {

    private final CommandGateway commands;
    private final SeekerCalendar calendar;

    ChallengeController(CommandGateway commands, SeekerCalendar calendar) {
        this.commands = commands;
        this.calendar = calendar;
    }

    /**
     * An INVITE challenge gets a fresh invite code, answered here (and to members by the query side); a PUBLIC one
     * has none. With an {@code Idempotency-Key} the challenge's id derives from the key, as an attempt's does.
     */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<Created> create(@CurrentSeeker UUID seekerId, @Valid @RequestBody ChallengeRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        UUID challengeId = RequestIds.forNew(seekerId, "challenge", idempotencyKey);
        String inviteCode = request.visibility() == ChallengeVisibility.INVITE ? InviteCodes.next() : null;
        GoalRequest goal = request.goal();
        long creatorsLast = commands.<Long>sendAndWait(new CreateChallenge(challengeId, seekerId, calendar.today(seekerId),
                request.name().strip(), request.description() == null || request.description().isBlank() ? null
                        : request.description().strip(),
                request.startsOn(), request.endsOn(),
                new ChallengeGoal(goal.metric(), goal.category(), goal.target(), goal.per()), request.visibility(),
                inviteCode));
        return ResponseEntity.created(URI.create("/api/challenges/" + challengeId))
                .body(new Created(challengeId, inviteCode, ConsistencyToken.of(challengeId, creatorsLast)));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{challengeId}/members")
    ResponseEntity<Membership> join(@CurrentSeeker UUID seekerId, @PathVariable("challengeId") String path,
            @Valid @RequestBody(required = false) JoinRequest request) {
        UUID challengeId = RequestIds.inPath(path, Subject.CHALLENGE);
        JoinRequest r = Objects.requireNonNullElse(request, new JoinRequest(null));
        long version = commands.<Long>sendAndWait(new JoinChallenge(challengeId, seekerId, calendar.today(seekerId),
                InviteCodes.normalized(r.inviteCode())));
        return ResponseEntity.created(URI.create("/api/challenges/" + challengeId + "/members/me"))
                .body(new Membership(challengeId, ConsistencyToken.of(challengeId, version)));
    }

    @DeleteMapping("/{challengeId}/members/me")
    Membership leave(@CurrentSeeker UUID seekerId, @PathVariable("challengeId") String path) {
        UUID challengeId = RequestIds.inPath(path, Subject.CHALLENGE);
        long version = commands.<Long>sendAndWait(new LeaveChallenge(challengeId, seekerId,
                calendar.today(seekerId)));
        return new Membership(challengeId, ConsistencyToken.of(challengeId, version));
    }


    record ChallengeRequest(@NotBlank @CleanText @Size(max = ChallengeAggregate.MAX_NAME) String name,
            @CleanText @Size(max = ChallengeAggregate.MAX_DESCRIPTION) String description,
            @NotNull LocalDate startsOn, @NotNull LocalDate endsOn, @NotNull @Valid GoalRequest goal,
            @NotNull ChallengeVisibility visibility) {
    }

    /** {@code category} is optional: without one every category counts. */
    record GoalRequest(@NotNull GoalMetric metric, Category category,
            @NotNull @Min(ChallengeAggregate.MIN_TARGET) @Max(ChallengeAggregate.MAX_TARGET) Integer target,
            @NotNull ChallengeGoal.Per per) {
    }

    record JoinRequest(@Size(max = 100) String inviteCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Created(UUID challengeId, String inviteCode, ConsistencyToken consistencyToken) {
    }

    record Membership(UUID challengeId, ConsistencyToken consistencyToken) {
    }
}
