package app.ghostresume.query.board;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptAdvanced;
import app.ghostresume.events.AttemptCorrected;
import app.ghostresume.events.AttemptEvent;
import app.ghostresume.events.AttemptGhosted;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.AttemptWithdrawn;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.FollowUpDue;
import app.ghostresume.events.FollowedUp;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.ResponseDeadlinesSet;
import app.ghostresume.events.SeekerEvent;
import app.ghostresume.query.target.TargetKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How events change the board's rows, in memory and nothing else. The last outcome wins: a ghosted attempt may
 * still be rejected or accepted. A ghosting the seeker did not declare ({@code automatic}: the ghosting window ran
 * out) changes the board like a declared one and is marked as such. A rejection keeps its sting; the target's
 * normalised key ({@link TargetKey}) follows the target through corrections. ResponseDeadlinesSet records when to
 * nudge and when to give up; a FollowUpDue opens the attempt's reminder while it waits, and FollowedUp or any
 * outcome (rejection, acceptance, ghosting, withdrawal) closes it.
 * <p>
 * An event applies only to a newer position in the attempt's history ({@code last_sequence}) of the seeker's own
 * attempt; one that finds no such row means an event arrived before its attempt's earlier ones, which the
 * publisher's ordering per seeker rules out, so it is logged loudly rather than passed over in silence.
 */
public final class BoardFold {

    private static final Logger log = LoggerFactory.getLogger(BoardFold.class);

    private BoardFold() {
    }

    /** The attempts {@code events} touch, in order of first appearance. */
    static Set<UUID> attemptsOf(List<EventEnvelope> events) {
        Set<UUID> attemptIds = new LinkedHashSet<>();
        events.forEach(event -> attemptIds.add(((AttemptEvent) event.payload()).attemptId()));
        return attemptIds;
    }

    /**
     * Folds {@code events}, in order, into {@code rows} (the stored rows of the attempts they touch, by attempt):
     * an AttemptLogged adds its row, every other event changes one; a changed row is marked {@link BoardRow#changed}.
     */
    static void fold(List<EventEnvelope> events, Map<UUID, BoardRow> rows) {
        for (EventEnvelope event : events) {
            fold(event, rows);
        }
    }

    /**
     * The board as a seeker's events (in order, recorded up to some moment) leave it, in memory: every attempt's
     * row, in the order logged. The same fold as the live board's, so a report replayed to now agrees with it.
     */
    public static Map<UUID, BoardRow> replay(List<EventEnvelope> events) {
        Map<UUID, BoardRow> rows = new LinkedHashMap<>();
        events.forEach(event -> replayInto(event, rows));
        return rows;
    }

    /**
     * Folds one event of any kind into {@code rows} (every attempt's row, by attempt), if it is about the board:
     * for a replay over many seekers at once, event by event in each attempt's order.
     */
    public static void replayInto(EventEnvelope event, Map<UUID, BoardRow> rows) {
        if (event.payload() instanceof AttemptEvent && changesBoard(event)) {
            fold(event, rows);
        }
    }

    /** Whether the board is about {@code event} at all. */
    static boolean changesBoard(EventEnvelope event) {
        SeekerEvent payload = event.payload();
        if (payload instanceof AttemptEvent attemptEvent && attemptEvent.attemptId() == null) {
            log.warn("{} {} names no attempt; the board passes it over", event.type(), event.eventId());
            return false;
        }
        return payload instanceof AttemptLogged || payload instanceof AttemptAdvanced
                || payload instanceof AttemptCorrected || payload instanceof ResponseDeadlinesSet
                || payload instanceof FollowUpDue || payload instanceof FollowedUp
                || payload instanceof RejectionReceived || payload instanceof AcceptanceReceived
                || payload instanceof AttemptGhosted || payload instanceof AttemptWithdrawn;
    }

    private static void fold(EventEnvelope event, Map<UUID, BoardRow> rows) {
        AttemptEvent payload = (AttemptEvent) event.payload();
        BoardRow row = rows.get(payload.attemptId());
        if (payload instanceof AttemptLogged logged) {
            if (row == null) {
                rows.put(logged.attemptId(), logged(event, logged));
            }
            return;
        }
        if (row == null || !row.seekerId.equals(event.seekerId()) || row.lastSequence >= event.aggregateSequence()) {
            log.warn("{} {} (sequence {} of {}) changed no board row: out of order, or its attempt is unknown",
                    event.type(), event.eventId(), event.aggregateSequence(), event.aggregateId());
            return;
        }
        if (payload instanceof AttemptAdvanced advanced) {
            row.stage = advanced.stage();
        }
        else if (payload instanceof AttemptCorrected corrected) {
            corrected(row, corrected);
        }
        else if (payload instanceof ResponseDeadlinesSet deadlines) {
            row.followUpOn = deadlines.followUpOn();
            row.ghostedAfter = deadlines.ghostedAfter();
        }
        else if (payload instanceof FollowUpDue due) {
            if (AttemptStatus.WAITING.name().equals(row.status)) {
                row.reminderDueOn = due.dueOn();
            }
        }
        else if (payload instanceof FollowedUp followedUp) {
            row.reminderDueOn = null;
            row.followedUpOn = followedUp.followedUpOn();
        }
        else if (payload instanceof RejectionReceived rejection) {
            row.decided(AttemptStatus.REJECTED.name(), rejection.receivedOn());
            if (rejection.stageReached() != null) {
                row.stage = rejection.stageReached();
            }
            row.sting = rejection.sting();
        }
        else if (payload instanceof AcceptanceReceived acceptance) {
            row.decided(AttemptStatus.ACCEPTED.name(), acceptance.receivedOn());
        }
        else if (payload instanceof AttemptGhosted ghosted) {
            row.decided(AttemptStatus.GHOSTED.name(), ghosted.declaredOn());
            row.ghostedOn = ghosted.declaredOn();
            row.ghostedAutomatically = ghosted.automatic();
        }
        else if (payload instanceof AttemptWithdrawn withdrawn) {
            row.decided(AttemptStatus.WITHDRAWN.name(), withdrawn.on());
        }
        row.lastSequence = event.aggregateSequence();
        row.changed = true;
    }

    private static BoardRow logged(EventEnvelope event, AttemptLogged logged) {
        BoardRow row = new BoardRow(logged.attemptId(), event.seekerId(), event.occurredAt());
        row.category = logged.category() == null ? null : logged.category().name();
        row.target = logged.target();
        row.targetKey = TargetKey.of(logged.target()).orElse(null);
        row.title = logged.title();
        row.notes = logged.notes();
        row.status = AttemptStatus.WAITING.name();
        row.sentOn = logged.sentOn();
        row.expectedResponseBy = logged.expectedResponseBy();
        row.lastSequence = event.aggregateSequence();
        row.changed = true;
        return row;
    }

    private static void corrected(BoardRow row, AttemptCorrected corrected) {
        if (corrected.category() != null) {
            row.category = corrected.category().name();
        }
        if (corrected.target() != null) {
            row.target = corrected.target();
            row.targetKey = TargetKey.of(corrected.target()).orElse(null);
        }
        if (corrected.title() != null) {
            row.title = corrected.title();
        }
        if (corrected.notes() != null) {
            row.notes = corrected.notes();
        }
        if (corrected.sentOn() != null) {
            row.sentOn = corrected.sentOn();
        }
        if (corrected.expectedResponseBy() != null) {
            row.expectedResponseBy = corrected.expectedResponseBy();
        }
    }
}
