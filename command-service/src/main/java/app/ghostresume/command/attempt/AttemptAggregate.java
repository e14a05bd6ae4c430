package app.ghostresume.command.attempt;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.command.attempt.AttemptCommands.AdvanceAttempt;
import app.ghostresume.command.attempt.AttemptCommands.CorrectAttempt;
import app.ghostresume.command.attempt.AttemptCommands.DeclareGhosted;
import app.ghostresume.command.attempt.AttemptCommands.LogAttempt;
import app.ghostresume.command.attempt.AttemptCommands.RecordAcceptance;
import app.ghostresume.command.attempt.AttemptCommands.RecordFollowUp;
import app.ghostresume.command.attempt.AttemptCommands.RecordReflection;
import app.ghostresume.command.attempt.AttemptCommands.RecordRejection;
import app.ghostresume.command.attempt.AttemptCommands.WithdrawAttempt;
import app.ghostresume.command.platform.PlausibleDates;
import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.command.platform.Subject;
import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptAdvanced;
import app.ghostresume.events.AttemptCorrected;
import app.ghostresume.events.AttemptGhosted;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.AttemptWithdrawn;
import app.ghostresume.events.Category;
import app.ghostresume.events.FollowUpDue;
import app.ghostresume.events.FollowedUp;
import app.ghostresume.events.ReflectionRecorded;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.ResponseDeadlinesSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One attempt and its rules. It is WAITING until an outcome; REJECTED, ACCEPTED and WITHDRAWN are final,
 * GHOSTED is not (a late reply may still come). Dates are calendar dates in the owner's time zone: none may
 * lie in the future, and none may precede the day the attempt was sent. To anyone but its owner the attempt
 * does not exist.
 *
 * <p>Deadlines: logging an attempt sets its {@link ResponseDeadlines} ({@code ResponseDeadlinesSet}), which fall
 * due at the start of a day in the seeker's time zone: a follow-up reminder on the follow-up day (only if that is
 * not before today: no nagging about back-dated attempts, and never once the seeker followed up), and the
 * automatic ghosting on the day after the last day an answer is in time (always; a back-dated attempt whose
 * window has already passed is ghosted at the start of tomorrow, which leaves the seeker the rest of today to
 * record the outcome they are back-filling). An attempt holds one persistent deadline at a time, the next one:
 * {@value #FOLLOW_UP} if a reminder is due, which when it fires records {@code FollowUpDue} (while the attempt
 * waits and the seeker has not followed up) and schedules {@value #GHOSTING} in the same transaction; otherwise
 * {@value #GHOSTING} itself, which records an automatic {@code AttemptGhosted} while the attempt still waits. So
 * logging an attempt writes one deadline row, and an attempt answered before its follow-up day never writes a
 * second. A correction of a waiting attempt that moves its dates (sentOn, expectedResponseBy or category, with
 * the seeker's current windows) sets them anew and schedules its next deadline again. A follow-up by the seeker
 * closes an open reminder and makes one not yet due moot; it leaves the ghosting alone.
 *
 * <p>Deadlines are never cancelled: a deadline that fires for an attempt no longer waiting, already followed up,
 * or whose dates moved since (its date is no longer the attempt's) does nothing. Cancelling would cost more than
 * it saves: the deadline manager can only cancel by scope by scanning every scheduled deadline, and the ids it
 * hands out would have to be kept in events of their own. A stale deadline costs one load of this aggregate on
 * its day, and its row goes with it.
 *
 * <p>Every command handler answers with the aggregate's version after the command, which callers turn into a
 * consistency token for reading their own writes.
 */
@Aggregate
class AttemptAggregate {

    static final int MAX_STING = 5;
    /** Dates outside this range are typing mistakes, and some cannot even be stored by the read side. */
    static final LocalDate EARLIEST = PlausibleDates.EARLIEST;
    static final int LATEST_YEARS_AHEAD = PlausibleDates.LATEST_YEARS_AHEAD;
    static final String FOLLOW_UP = "follow-up";
    static final String GHOSTING = "ghosting";

    @AggregateIdentifier
    private UUID attemptId;
    private UUID seekerId;
    private AttemptStatus status;
    private Category category;
    private String target;
    private String title;
    private String notes;
    private LocalDate sentOn;
    private LocalDate expectedResponseBy;
    /** The earliest date of anything that happened after sending; sentOn can't be corrected past it. */
    private LocalDate earliestLaterDate;
    /** {@link ResponseDeadlines#NONE} for attempts logged before deadlines existed. */
    private ResponseDeadlines deadlines = ResponseDeadlines.NONE;
    /** Whether the reminder for the current follow-up day was raised. */
    private boolean followUpRaised;
    private boolean followedUp;
    /** The stage of the latest progress, shown when the attempt is shared. */
    private String lastStage;
    /** What the rejection said about the stage reached and how it stung; {@code null} unless rejected. */
    private String rejectionStage;
    private Integer sting;
    /** The date of the current outcome; {@code null} while waiting. */
    private LocalDate decidedOn;
    /** Every reflection id used, so a late retry cannot record the same reflection twice. */
    private final Set<UUID> reflectionIds = new HashSet<>();

    AttemptAggregate() {
        // for Axon
    }

    /** Logs the attempt and schedules its deadlines; answers the version after both, as every handler does. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(LogAttempt command, DeadlineManager deadlineManager) {
        LocalDate sentOn = Objects.requireNonNullElse(command.sentOn(), command.today());
        requirePlausibleSending(sentOn, command.today());
        requirePlausibleResponse(command.expectedResponseBy(), sentOn, command.today());
        apply(new AttemptLogged(command.attemptId(), command.seekerId(), command.category(), command.target(),
                command.title(), command.notes(), sentOn, command.expectedResponseBy()));
        setDeadlines(command.attemptId(), command.seekerId(), ResponseDeadlines.of(command.category(), sentOn,
                command.expectedResponseBy(), command.windows()), true, command.zone(), command.today(),
                deadlineManager);
        return AggregateLifecycle.getVersion();
    }

    /**
     * Logs an imported attempt and records its outcome, checked first as a whole ({@link #checkImport}), so that a
     * refused row records nothing. A waiting one gets its deadlines, as a logged one does; an answered one needs none.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(ImportAttempt command, DeadlineManager deadlineManager) {
        checkImport(command);
        LocalDate sentOn = command.sentOn();
        apply(new AttemptLogged(command.attemptId(), command.seekerId(), command.category(), command.target(),
                command.title(), command.notes(), sentOn, command.expectedResponseBy()));
        LocalDate outcomeOn = Objects.requireNonNullElse(command.outcomeOn(), command.today());
        switch (command.outcome()) {
            case WAITING -> setDeadlines(command.attemptId(), command.seekerId(), ResponseDeadlines.of(
                    command.category(), sentOn, command.expectedResponseBy(), command.windows()), true,
                    command.zone(), command.today(), deadlineManager);
            case REJECTED -> apply(new RejectionReceived(attemptId, seekerId, outcomeOn, command.stage(), null,
                    null));
            case ACCEPTED -> apply(new AcceptanceReceived(attemptId, seekerId, outcomeOn, null));
            case GHOSTED -> apply(new AttemptGhosted(attemptId, seekerId, outcomeOn, false));
            case WITHDRAWN -> apply(new AttemptWithdrawn(attemptId, seekerId, outcomeOn, null));
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * The rules an imported attempt must keep, the same ones logging and answering it keep: a plausible day sent,
     * an expected response not before it, an outcome day neither in the future nor before the day sent.
     *
     * @throws RuleViolation naming the first rule broken
     */
    static void checkImport(ImportAttempt command) {
        if (command.sentOn() == null) {
            throw RuleViolation.invalid("sentOn", "must be given");
        }
        if (command.category() == null) {
            throw RuleViolation.invalid("category", "must be given");
        }
        if (command.outcome() == null) {
            throw RuleViolation.invalid("outcome", "must be given");
        }
        requirePlausibleSending(command.sentOn(), command.today());
        requirePlausibleResponse(command.expectedResponseBy(), command.sentOn(), command.today());
        if (command.outcome() != AttemptStatus.WAITING) {
            datedAfter(command.sentOn(), command.outcomeOn(), "outcomeOn", command.today());
        }
    }

    @CommandHandler
    long handle(AdvanceAttempt command) {
        requireOwner(command.seekerId());
        if (status != AttemptStatus.WAITING) {
            throw alreadyDecided();
        }
        LocalDate on = dated(command.on(), "on", command.today());
        apply(new AttemptAdvanced(attemptId, seekerId, command.stage(), on, command.notes()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordRejection command) {
        requireOwner(command.seekerId());
        requireAnswerable();
        if (command.sting() != null && (command.sting() < 1 || command.sting() > MAX_STING)) {
            throw RuleViolation.invalid("sting", "must be between 1 and " + MAX_STING);
        }
        LocalDate receivedOn = dated(command.receivedOn(), "receivedOn", command.today());
        apply(new RejectionReceived(attemptId, seekerId, receivedOn, command.stageReached(), command.feedback(),
                command.sting()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordAcceptance command) {
        requireOwner(command.seekerId());
        requireAnswerable();
        LocalDate receivedOn = dated(command.receivedOn(), "receivedOn", command.today());
        apply(new AcceptanceReceived(attemptId, seekerId, receivedOn, command.notes()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(DeclareGhosted command) {
        requireOwner(command.seekerId());
        if (status != AttemptStatus.WAITING) {
            throw alreadyDecided();
        }
        LocalDate declaredOn = dated(command.declaredOn(), "declaredOn", command.today());
        apply(new AttemptGhosted(attemptId, seekerId, declaredOn, false));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(WithdrawAttempt command) {
        requireOwner(command.seekerId());
        requireAnswerable();
        LocalDate on = dated(command.on(), "on", command.today());
        apply(new AttemptWithdrawn(attemptId, seekerId, on, command.reason()));
        return AggregateLifecycle.getVersion();
    }

    /** Possible only while waiting, as often as the seeker nudges; it does not move the ghosting deadline. */
    @CommandHandler
    long handle(RecordFollowUp command) {
        requireOwner(command.seekerId());
        if (status != AttemptStatus.WAITING) {
            throw RuleViolation.of(ProblemType.ATTEMPT_STATE_CONFLICT,
                    "The attempt is already " + status + "; a follow-up is only "
                    + "possible while waiting.");
        }
        LocalDate on = dated(command.on(), "on", command.today());
        apply(new FollowedUp(attemptId, seekerId, on));
        return AggregateLifecycle.getVersion();
    }

    /**
     * A private journal entry, in any status (one may reflect while still waiting), as many as the seeker likes.
     * At least one of its parts must be given.
     */
    @CommandHandler
    long handle(RecordReflection command) {
        requireOwner(command.seekerId());
        if (command.whatHappened() == null && command.whatILearned() == null && command.nextTime() == null
                && command.wasItPersonal() == null) {
            throw RuleViolation.invalid("reflection",
                    "needs at least one of whatHappened, whatILearned, nextTime or wasItPersonal");
        }
        if (reflectionIds.contains(command.reflectionId())) {
            throw RuleViolation.of(ProblemType.CONCURRENT_CHANGE,
                    "This reflection was already recorded.");
        }
        apply(new ReflectionRecorded(attemptId, seekerId, command.reflectionId(), command.whatHappened(),
                command.whatILearned(), command.nextTime(), command.wasItPersonal(), command.today()));
        return AggregateLifecycle.getVersion();
    }

    /**
     * What a share of this attempt may show, for its owner only (anyone else: 404). Only a rejected, ghosted or
     * accepted attempt can be shared (422 otherwise). Reads the attempt; records nothing on it.
     */
    ShareableAttempt shareable(UUID actingSeeker) {
        requireOwner(actingSeeker);
        return switch (status) {
            case REJECTED -> new ShareableAttempt(attemptId, status, category,
                    rejectionStage != null ? rejectionStage : lastStage, sting, decidedOn);
            case GHOSTED, ACCEPTED -> new ShareableAttempt(attemptId, status, category, lastStage, null, decidedOn);
            case WAITING, WITHDRAWN -> throw RuleViolation.of(ProblemType.NOT_SHAREABLE, "The attempt is " + status
                    + "; only a rejected, ghosted or accepted attempt can be shared.");
        };
    }

    /**
     * Raises the reminder and schedules the ghosting that follows it, unless the attempt no longer waits or its
     * dates moved since (the correction that moved them scheduled the deadlines of its own dates).
     */
    @DeadlineHandler(deadlineName = FOLLOW_UP)
    void followUpDue(ResponseDeadline due, DeadlineManager deadlineManager) {
        if (status != AttemptStatus.WAITING || !due.on().equals(deadlines.followUpOn())) {
            return;
        }
        if (!followedUp && !followUpRaised) {
            apply(new FollowUpDue(attemptId, seekerId, due.on()));
        }
        // as of the reminder's own day, so a reminder that fires late leaves the ghosting on its day
        scheduleGhosting(deadlines, ZoneId.of(due.timeZone()), due.on(), deadlineManager);
    }

    /** Ghosts the attempt on the seeker's today, by the clock the whole service runs on. */
    @DeadlineHandler(deadlineName = GHOSTING)
    void ghostingDue(ResponseDeadline due, Clock clock) {
        if (status == AttemptStatus.WAITING && due.on().equals(deadlines.ghostedAfter())) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(due.timeZone())));
            apply(new AttemptGhosted(attemptId, seekerId, today.isBefore(sentOn) ? sentOn : today, true));
        }
    }

    @CommandHandler
    long handle(CorrectAttempt command, DeadlineManager deadlineManager) {
        requireOwner(command.seekerId());
        LocalDate newSentOn = changed(command.sentOn(), sentOn);
        LocalDate newExpected = changed(command.expectedResponseBy(), expectedResponseBy);
        if (newSentOn != null) {
            requirePlausibleSending(newSentOn, command.today());
            if (earliestLaterDate != null && newSentOn.isAfter(earliestLaterDate)) {
                throw RuleViolation.invalid("sentOn",
                        "may not be after the attempt's progress or outcome on " + earliestLaterDate);
            }
        }
        requirePlausibleResponse(orElse(newExpected, expectedResponseBy), orElse(newSentOn, sentOn),
                command.today());
        AttemptCorrected correction = new AttemptCorrected(attemptId, seekerId,
                changed(command.category(), category), changed(command.target(), target),
                changed(command.title(), title), changed(command.notes(), notes), newSentOn, newExpected);
        if (!correction.equals(new AttemptCorrected(attemptId, seekerId, null, null, null, null, null, null))) {
            apply(correction);
            boolean redated = correction.category() != null || correction.sentOn() != null
                    || correction.expectedResponseBy() != null;
            ResponseDeadlines next = ResponseDeadlines.of(category, sentOn, expectedResponseBy, command.windows());
            if (redated && status == AttemptStatus.WAITING && !next.equals(deadlines)) {
                setDeadlines(attemptId, seekerId, next, !followedUp, command.zone(), command.today(), deadlineManager);
            }
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * Records the attempt's deadlines and schedules the first of them (see the class comment).
     *
     * @param remind whether a follow-up reminder is still wanted (not once the seeker followed up)
     */
    private static void setDeadlines(UUID attemptId, UUID seekerId, ResponseDeadlines next, boolean remind,
            ZoneId zone, LocalDate today, DeadlineManager deadlineManager) {
        apply(new ResponseDeadlinesSet(attemptId, seekerId, next.followUpOn(), next.ghostedAfter()));
        if (remind && next.followUpOn() != null && !next.followUpOn().isBefore(today)) {
            deadlineManager.schedule(startOf(next.followUpOn(), zone), FOLLOW_UP,
                    new ResponseDeadline(next.followUpOn(), zone.getId()));
        }
        else {
            scheduleGhosting(next, zone, today, deadlineManager);
        }
    }

    /** The ghosting falls due the day after the last day in time, and never before the day after {@code today}. */
    private static void scheduleGhosting(ResponseDeadlines next, ZoneId zone, LocalDate today,
            DeadlineManager deadlineManager) {
        LocalDate ghostingDay = next.ghostedAfter().plusDays(1);
        if (!ghostingDay.isAfter(today)) {
            ghostingDay = today.plusDays(1); // back-dated: the rest of today to record what happened
        }
        deadlineManager.schedule(startOf(ghostingDay, zone), GHOSTING,
                new ResponseDeadline(next.ghostedAfter(), zone.getId()));
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    @EventSourcingHandler
    void on(AttemptLogged event) {
        attemptId = event.attemptId();
        seekerId = event.seekerId();
        status = AttemptStatus.WAITING;
        category = event.category();
        target = event.target();
        title = event.title();
        notes = event.notes();
        sentOn = event.sentOn();
        expectedResponseBy = event.expectedResponseBy();
    }

    @EventSourcingHandler
    void on(AttemptAdvanced event) {
        lastStage = event.stage();
        happenedOn(event.on());
    }

    @EventSourcingHandler
    void on(RejectionReceived event) {
        status = AttemptStatus.REJECTED;
        rejectionStage = event.stageReached();
        sting = event.sting();
        decidedOn = event.receivedOn();
        happenedOn(event.receivedOn());
    }

    @EventSourcingHandler
    void on(AcceptanceReceived event) {
        status = AttemptStatus.ACCEPTED;
        decidedOn = event.receivedOn();
        happenedOn(event.receivedOn());
    }

    @EventSourcingHandler
    void on(AttemptGhosted event) {
        status = AttemptStatus.GHOSTED;
        decidedOn = event.declaredOn();
        happenedOn(event.declaredOn());
    }

    @EventSourcingHandler
    void on(AttemptWithdrawn event) {
        status = AttemptStatus.WITHDRAWN;
        decidedOn = event.on();
        happenedOn(event.on());
    }

    @EventSourcingHandler
    void on(ReflectionRecorded event) {
        reflectionIds.add(event.reflectionId());
    }

    @EventSourcingHandler
    void on(ResponseDeadlinesSet event) {
        deadlines = new ResponseDeadlines(event.followUpOn(), event.ghostedAfter());
        followUpRaised = false;
    }

    @EventSourcingHandler
    void on(FollowUpDue event) {
        followUpRaised = true;
    }

    @EventSourcingHandler
    void on(FollowedUp event) {
        followedUp = true;
    }

    @EventSourcingHandler
    void on(AttemptCorrected event) {
        category = orElse(event.category(), category);
        target = orElse(event.target(), target);
        title = orElse(event.title(), title);
        notes = orElse(event.notes(), notes);
        sentOn = orElse(event.sentOn(), sentOn);
        expectedResponseBy = orElse(event.expectedResponseBy(), expectedResponseBy);
    }

    private void requireOwner(UUID actingSeeker) {
        if (!actingSeeker.equals(seekerId)) {
            throw RuleViolation.notFound(Subject.ATTEMPT);
        }
    }

    /** A reply or a withdrawal is possible while waiting, and after being ghosted. */
    private void requireAnswerable() {
        if (status.isFinal()) {
            throw alreadyDecided();
        }
    }

    private RuleViolation alreadyDecided() {
        return RuleViolation.of(ProblemType.ATTEMPT_STATE_CONFLICT, "The attempt is already " + status + ".");
    }

    private LocalDate dated(LocalDate date, String field, LocalDate today) {
        return datedAfter(sentOn, date, field, today);
    }

    /** {@code date} (today when not given), which may be neither in the future nor before {@code sentOn}. */
    private static LocalDate datedAfter(LocalDate sentOn, LocalDate date, String field, LocalDate today) {
        LocalDate effective = Objects.requireNonNullElse(date, today);
        if (effective.isAfter(today)) {
            throw RuleViolation.invalid(field, "may not be in the future");
        }
        if (effective.isBefore(sentOn)) {
            throw RuleViolation.invalid(field, "may not be before the attempt was sent on " + sentOn);
        }
        return effective;
    }

    private static void requirePlausibleSending(LocalDate sentOn, LocalDate today) {
        if (sentOn.isAfter(today)) {
            throw RuleViolation.invalid("sentOn", "may not be in the future");
        }
        if (sentOn.isBefore(EARLIEST)) {
            throw RuleViolation.invalid("sentOn", "may not be before " + EARLIEST);
        }
    }

    private static void requirePlausibleResponse(LocalDate expectedResponseBy, LocalDate sentOn, LocalDate today) {
        if (expectedResponseBy == null) {
            return;
        }
        if (expectedResponseBy.isBefore(sentOn)) {
            throw RuleViolation.invalid("expectedResponseBy", "may not be before sentOn " + sentOn);
        }
        if (expectedResponseBy.isAfter(today.plusYears(LATEST_YEARS_AHEAD))) {
            throw RuleViolation.invalid("expectedResponseBy",
                    "may not be more than " + LATEST_YEARS_AHEAD + " years ahead");
        }
    }

    private void happenedOn(LocalDate date) {
        if (earliestLaterDate == null || date.isBefore(earliestLaterDate)) {
            earliestLaterDate = date;
        }
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static <T> T changed(T requested, T current) {
        return requested == null || requested.equals(current) ? null : requested;
    }
}
