package app.ghostresume.command.attempt;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import app.ghostresume.command.attempt.AttemptCommands.AdvanceAttempt;
import app.ghostresume.command.attempt.AttemptCommands.CorrectAttempt;
import app.ghostresume.command.attempt.AttemptCommands.DeclareGhosted;
import app.ghostresume.command.attempt.AttemptCommands.LogAttempt;
import app.ghostresume.command.attempt.AttemptCommands.RecordAcceptance;
import app.ghostresume.command.attempt.AttemptCommands.RecordRejection;
import app.ghostresume.command.attempt.AttemptCommands.WithdrawAttempt;
import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptAdvanced;
import app.ghostresume.events.AttemptCorrected;
import app.ghostresume.events.AttemptGhosted;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.AttemptWithdrawn;
import app.ghostresume.events.Category;
import app.ghostresume.events.RejectionReceived;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One attempt and its rules. It is WAITING until an outcome; REJECTED, ACCEPTED and WITHDRAWN are final,
 * GHOSTED is not (a late reply may still come). Dates are calendar dates in the owner's time zone: none may
 * lie in the future, and none may precede the day the attempt was sent. To anyone but its owner the attempt
 * does not exist.
 *
 * <p>Every command handler answers with the aggregate's version after the command, which callers turn into a
 * consistency token for reading their own writes.
 */
@Aggregate
class AttemptAggregate {

    static final int MAX_STING = 5;
    /** Dates outside this range are typing mistakes, and some cannot even be stored by the read side. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final int LATEST_YEARS_AHEAD = 100;

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

    AttemptAggregate() {
        // for Axon
    }

    @CommandHandler
    AttemptAggregate(LogAttempt command) {
        LocalDate sentOn = Objects.requireNonNullElse(command.sentOn(), command.today());
        requirePlausibleSending(sentOn, command.today());
        requirePlausibleResponse(command.expectedResponseBy(), sentOn, command.today());
        apply(new AttemptLogged(command.attemptId(), command.seekerId(), command.category(), command.target(),
                command.title(), command.notes(), sentOn, command.expectedResponseBy()));
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
            throw AttemptRuleViolation.invalid("sting", "must be between 1 and " + MAX_STING);
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

    @CommandHandler
    long handle(CorrectAttempt command) {
        requireOwner(command.seekerId());
        LocalDate newSentOn = changed(command.sentOn(), sentOn);
        LocalDate newExpected = changed(command.expectedResponseBy(), expectedResponseBy);
        if (newSentOn != null) {
            requirePlausibleSending(newSentOn, command.today());
            if (earliestLaterDate != null && newSentOn.isAfter(earliestLaterDate)) {
                throw AttemptRuleViolation.invalid("sentOn",
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
        }
        return AggregateLifecycle.getVersion();
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
        happenedOn(event.on());
    }

    @EventSourcingHandler
    void on(RejectionReceived event) {
        status = AttemptStatus.REJECTED;
        happenedOn(event.receivedOn());
    }

    @EventSourcingHandler
    void on(AcceptanceReceived event) {
        status = AttemptStatus.ACCEPTED;
        happenedOn(event.receivedOn());
    }

    @EventSourcingHandler
    void on(AttemptGhosted event) {
        status = AttemptStatus.GHOSTED;
        happenedOn(event.declaredOn());
    }

    @EventSourcingHandler
    void on(AttemptWithdrawn event) {
        status = AttemptStatus.WITHDRAWN;
        happenedOn(event.on());
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
        if (!seekerId.equals(actingSeeker)) {
            throw AttemptRuleViolation.notFound();
        }
    }

    /** A reply or a withdrawal is possible while waiting, and after being ghosted. */
    private void requireAnswerable() {
        if (status.isFinal()) {
            throw alreadyDecided();
        }
    }

    private AttemptRuleViolation alreadyDecided() {
        return AttemptRuleViolation.conflict("The attempt is already " + status + ".");
    }

    private LocalDate dated(LocalDate date, String field, LocalDate today) {
        LocalDate effective = Objects.requireNonNullElse(date, today);
        if (effective.isAfter(today)) {
            throw AttemptRuleViolation.invalid(field, "may not be in the future");
        }
        if (effective.isBefore(sentOn)) {
            throw AttemptRuleViolation.invalid(field, "may not be before the attempt was sent on " + sentOn);
        }
        return effective;
    }

    private static void requirePlausibleSending(LocalDate sentOn, LocalDate today) {
        if (sentOn.isAfter(today)) {
            throw AttemptRuleViolation.invalid("sentOn", "may not be in the future");
        }
        if (sentOn.isBefore(EARLIEST)) {
            throw AttemptRuleViolation.invalid("sentOn", "may not be before " + EARLIEST);
        }
    }

    private static void requirePlausibleResponse(LocalDate expectedResponseBy, LocalDate sentOn, LocalDate today) {
        if (expectedResponseBy == null) {
            return;
        }
        if (expectedResponseBy.isBefore(sentOn)) {
            throw AttemptRuleViolation.invalid("expectedResponseBy", "may not be before sentOn " + sentOn);
        }
        if (expectedResponseBy.isAfter(today.plusYears(LATEST_YEARS_AHEAD))) {
            throw AttemptRuleViolation.invalid("expectedResponseBy",
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
