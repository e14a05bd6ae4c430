package app.ghostresume.command.challenge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.command.challenge.ChallengeCommands.CreateChallenge;
import app.ghostresume.command.challenge.ChallengeCommands.JoinChallenge;
import app.ghostresume.command.challenge.ChallengeCommands.LeaveChallenge;
import app.ghostresume.command.platform.PlausibleDates;
import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.command.platform.Subject;
import app.ghostresume.events.ChallengeCreated;
import app.ghostresume.events.ChallengeGoal;
import app.ghostresume.events.ChallengeJoined;
import app.ghostresume.events.ChallengeLeft;
import app.ghostresume.events.ChallengeVisibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A group challenge and its members. Unlike an attempt or a goal it is shared: any signed-in seeker may join a
 * PUBLIC challenge, and anyone holding the invite code an INVITE one. To a non-member without the right code an
 * INVITE challenge does not exist: a missing or wrong code is the same 404 as an unknown id.
 *
 * <p>Creating: a name of 1 to {@value #MAX_NAME} characters, a description of at most {@value #MAX_DESCRIPTION},
 * startsOn ≤ endsOn, at most {@value #MAX_DAYS} days (both ends included), not ended before today, a goal target
 * of {@value #MIN_TARGET} to {@value #MAX_TARGET}. The creator joins at once and is a member like any other (may
 * leave, and join again).
 *
 * <p>Joining: before or during the challenge, not after its end (409); not twice (409); at most
 * {@value #MAX_MEMBERS} members (409). Leaving: members only (a non-member gets a 404), at any time, even after the
 * end (the group then no longer sees their counts); a member who left may join again while the challenge is open.
 *
 * <p>Concurrent joins cannot overshoot the member limit: Axon loads and changes one challenge at a time within an
 * instance (its aggregate lock), and across instances the event store's unique aggregate sequence refuses the
 * second of two concurrent changes (answered 409 {@code concurrent-change}).
 *
 * <p>Its state is snapshotted ({@link ChallengeConfiguration}) as JSON of its fields, by the event serializer.
 *
 * <p>Every command handler answers with the aggregate's version after the command.
 */
@Aggregate(snapshotTriggerDefinition = "challengeSnapshotTrigger")
@Revision("2") // snapshots of revision 1, without the members' event counts, are not used
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class ChallengeAggregate {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_DAYS = 366;
    static final int MIN_TARGET = 1;
    static final int MAX_TARGET = 10_000;
    static final int MAX_MEMBERS = 500;

    @AggregateIdentifier
    private UUID challengeId;
    private LocalDate endsOn;
    private ChallengeVisibility visibility;
    private String inviteCode;
    private final Set<UUID> members = new HashSet<>();
    /**
     * How many of the challenge's events each seeker did. A member's consistency token names the ordinal of their own
     * event among theirs ({@code <challengeId>.<ordinal>}), never the challenge's version, which would tell how many
     * others joined or left.
     */
    private final Map<UUID, Long> eventsBy = new HashMap<>();

    ChallengeAggregate() {
        // for Axon
    }

    /** Creates the challenge with its creator as the first member; answers the creator's last event's ordinal. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(CreateChallenge command) {
        LocalDate today = command.today();
        if (command.name() == null || command.name().isBlank()) {
            throw RuleViolation.invalid("name", "must not be blank");
        }
        if (command.name().length() > MAX_NAME) {
            throw RuleViolation.invalid("name", "may be at most " + MAX_NAME + " characters");
        }
        if (command.description() != null && command.description().length() > MAX_DESCRIPTION) {
            throw RuleViolation.invalid("description", "may be at most " + MAX_DESCRIPTION + " characters");
        }
        if (command.startsOn() == null || command.endsOn() == null) {
            throw RuleViolation.invalid(command.startsOn() == null ? "startsOn" : "endsOn", "must be given");
        }
        requirePlausible(command.startsOn(), "startsOn", today);
        requirePlausible(command.endsOn(), "endsOn", today);
        if (command.endsOn().isBefore(command.startsOn())) {
            throw RuleViolation.invalid("endsOn", "may not be before startsOn " + command.startsOn());
        }
        if (ChronoUnit.DAYS.between(command.startsOn(), command.endsOn()) + 1 > MAX_DAYS) {
            throw RuleViolation.invalid("endsOn", "a challenge may span at most " + MAX_DAYS + " days");
        }
        if (command.endsOn().isBefore(today)) {
            throw RuleViolation.invalid("endsOn", "may not be before today " + today);
        }
        requireGoal(command.goal());
        if (command.visibility() == null) {
            throw RuleViolation.invalid("visibility", "must be given");
        }
        if (command.visibility() == ChallengeVisibility.INVITE && command.inviteCode() == null) {
            throw new IllegalArgumentException("an INVITE challenge needs an invite code");
        }
        apply(new ChallengeCreated(command.challengeId(), command.seekerId(), command.name(), command.description(),
                command.startsOn(), command.endsOn(), command.goal(), command.visibility(),
                command.visibility() == ChallengeVisibility.INVITE ? command.inviteCode() : null, today));
        apply(new ChallengeJoined(command.challengeId(), command.seekerId(), today));
        return eventsBy.get(command.seekerId()) - 1;
    }

    /** The invite code is checked first, so that nothing else about an INVITE challenge leaks to a stranger. */
    @CommandHandler
    long handle(JoinChallenge command) {
        boolean member = members.contains(command.seekerId());
        if (visibility == ChallengeVisibility.INVITE && !member && !matches(command.inviteCode())) {
            throw RuleViolation.notFound(Subject.CHALLENGE);
        }
        if (command.today().isAfter(endsOn)) {
            throw RuleViolation.of(ProblemType.CHALLENGE_CLOSED,
                    "The challenge ended on " + endsOn + "; it takes no new members.");
        }
        if (member) {
            throw RuleViolation.of(ProblemType.ALREADY_MEMBER, "You are already a member.");
        }
        if (members.size() >= MAX_MEMBERS) {
            throw RuleViolation.of(ProblemType.CHALLENGE_FULL,
                    "The challenge has the most members it may have (" + MAX_MEMBERS + ").");
        }
        apply(new ChallengeJoined(challengeId, command.seekerId(), command.today()));
        return eventsBy.get(command.seekerId()) - 1;
    }

    @CommandHandler
    long handle(LeaveChallenge command) {
        if (!members.contains(command.seekerId())) {
            throw RuleViolation.notFound(Subject.CHALLENGE);
        }
        apply(new ChallengeLeft(challengeId, command.seekerId(), command.today()));
        return eventsBy.get(command.seekerId()) - 1;
    }

    /** How the challenge looks to a seeker; the id of anything but a challenge names no challenge. */
    ChallengeMembership.Standing standingOf(UUID seekerId) {
        if (challengeId == null) {
            return ChallengeMembership.Standing.UNKNOWN;
        }
        if (members.contains(seekerId)) {
            return ChallengeMembership.Standing.MEMBER;
        }
        return visibility == ChallengeVisibility.PUBLIC ? ChallengeMembership.Standing.OUTSIDER
                : ChallengeMembership.Standing.UNKNOWN;
    }

    @EventSourcingHandler
    void on(ChallengeCreated event) {
        eventsBy.merge(event.seekerId(), 1L, Long::sum);
        challengeId = event.challengeId();
        endsOn = event.endsOn();
        visibility = event.visibility();
        inviteCode = event.inviteCode();
    }

    @EventSourcingHandler
    void on(ChallengeJoined event) {
        eventsBy.merge(event.seekerId(), 1L, Long::sum);
        members.add(event.seekerId());
    }

    @EventSourcingHandler
    void on(ChallengeLeft event) {
        eventsBy.merge(event.seekerId(), 1L, Long::sum);
        members.remove(event.seekerId());
    }

    /** Compared in constant time, so response times do not tell how much of a guess was right. */
    private boolean matches(String code) {
        return code != null && inviteCode != null && MessageDigest.isEqual(
                code.getBytes(StandardCharsets.UTF_8), inviteCode.getBytes(StandardCharsets.UTF_8));
    }

    private static void requireGoal(ChallengeGoal goal) {
        if (goal == null) {
            throw RuleViolation.invalid("goal", "must be given");
        }
        if (goal.metric() == null) {
            throw RuleViolation.invalid("goal.metric", "must be given");
        }
        if (goal.per() == null) {
            throw RuleViolation.invalid("goal.per", "must be given");
        }
        if (goal.target() < MIN_TARGET || goal.target() > MAX_TARGET) {
            throw RuleViolation.invalid("goal.target", "must be between " + MIN_TARGET + " and " + MAX_TARGET);
        }
    }

    private static void requirePlausible(LocalDate date, String field, LocalDate today) {
        PlausibleDates.problemWith(date, today).ifPresent(problem -> {
            throw RuleViolation.invalid(field, problem);
        });
    }
}
