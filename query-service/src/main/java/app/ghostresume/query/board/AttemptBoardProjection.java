package app.ghostresume.query.board;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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
import app.ghostresume.query.consumption.Projection;
import app.ghostresume.query.target.TargetKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code attempt_board} current. The last outcome wins: a ghosted attempt may still be rejected or
 * accepted. A ghosting the seeker did not declare ({@code automatic}: the ghosting window ran out) changes the
 * board like a declared one and is marked as such. A rejection keeps its sting; the target's normalised key
 * ({@link TargetKey}) follows the target through corrections. ResponseDeadlinesSet records when to nudge and when to give
 * up; a FollowUpDue opens the attempt's reminder while it waits, and FollowedUp or any outcome (rejection,
 * acceptance, ghosting, withdrawal) closes it. An update applies only to a newer position in the attempt's
 * history ({@code last_sequence}); one that finds no such row means an event arrived before its attempt's earlier
 * ones, which the publisher's ordering per seeker rules out, so it is logged loudly rather than passed over in
 * silence.
 */
@Component
class AttemptBoardProjection implements Projection {

    private static final Logger log = LoggerFactory.getLogger(AttemptBoardProjection.class);
    private static final String CLOSES_REMINDER = ", reminder_due_on = NULL";

    private final JdbcClient jdbc;

    AttemptBoardProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(EventEnvelope event) {
        SeekerEvent payload = event.payload();
        if (payload instanceof AttemptLogged logged) {
            logged(event, logged);
        }
        else if (payload instanceof AttemptAdvanced advanced) {
            update(event, "stage = :stage", "stage", advanced.stage());
        }
        else if (payload instanceof AttemptCorrected corrected) {
            corrected(event, corrected);
        }
        else if (payload instanceof ResponseDeadlinesSet deadlines) {
            update(event, "follow_up_on = :followUpOn, ghosted_after = :ghostedAfter",
                    "followUpOn", deadlines.followUpOn(), "ghostedAfter", deadlines.ghostedAfter());
        }
        else if (payload instanceof FollowUpDue due) {
            update(event, "reminder_due_on = CASE WHEN status = 'WAITING' THEN :dueOn ELSE reminder_due_on END",
                    "dueOn", due.dueOn());
        }
        else if (payload instanceof FollowedUp followedUp) {
            update(event, "reminder_due_on = NULL, followed_up_on = :followedUpOn",
                    "followedUpOn", followedUp.followedUpOn());
        }
        else if (payload instanceof RejectionReceived rejection) {
            update(event, "status = 'REJECTED', outcome_on = :outcomeOn, stage = coalesce(:stage, stage), sting = :sting"
                    + CLOSES_REMINDER, "outcomeOn", rejection.receivedOn(), "stage", rejection.stageReached(),
                    "sting", rejection.sting());
        }
        else if (payload instanceof AcceptanceReceived acceptance) {
            update(event, "status = 'ACCEPTED', outcome_on = :outcomeOn" + CLOSES_REMINDER,
                    "outcomeOn", acceptance.receivedOn());
        }
        else if (payload instanceof AttemptGhosted ghosted) {
            update(event, "status = 'GHOSTED', outcome_on = :outcomeOn, ghosted_on = :outcomeOn, "
                    + "ghosted_automatically = :automatic" + CLOSES_REMINDER,
                    "outcomeOn", ghosted.declaredOn(), "automatic", ghosted.automatic());
        }
        else if (payload instanceof AttemptWithdrawn withdrawn) {
            update(event, "status = 'WITHDRAWN', outcome_on = :outcomeOn" + CLOSES_REMINDER,
                    "outcomeOn", withdrawn.on());
        }
    }

    private void logged(EventEnvelope event, AttemptLogged logged) {
        jdbc.sql("""
                INSERT INTO attempt_board (attempt_id, seeker_id, category, target, target_key, title, notes, status,
                                           sent_on, expected_response_by, logged_at, last_sequence)
                VALUES (:attemptId, :seekerId, :category, :target, :targetKey, :title, :notes, :status, :sentOn,
                        :expectedResponseBy, :loggedAt, :sequence)
                ON CONFLICT (attempt_id) DO NOTHING
                """)
                .param("attemptId", logged.attemptId())
                .param("seekerId", event.seekerId())
                .param("category", logged.category() == null ? null : logged.category().name())
                .param("target", logged.target())
                .param("targetKey", TargetKey.of(logged.target()).orElse(null))
                .param("title", logged.title())
                .param("notes", logged.notes())
                .param("status", AttemptStatus.WAITING.name())
                .param("sentOn", logged.sentOn())
                .param("expectedResponseBy", logged.expectedResponseBy())
                .param("loggedAt", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                .param("sequence", event.aggregateSequence())
                .update();
    }

    private void corrected(EventEnvelope event, AttemptCorrected corrected) {
        update(event, """
                category = coalesce(:category, category), target = coalesce(:target, target),
                target_key = CASE WHEN CAST(:target AS text) IS NULL THEN target_key ELSE CAST(:targetKey AS text) END,
                title = coalesce(:title, title), notes = coalesce(:notes, notes),
                sent_on = coalesce(:sentOn, sent_on), expected_response_by = coalesce(:expectedResponseBy, expected_response_by)
                """,
                "category", corrected.category() == null ? null : corrected.category().name(),
                "target", corrected.target(), "targetKey", TargetKey.of(corrected.target()).orElse(null),
                "title", corrected.title(), "notes", corrected.notes(),
                "sentOn", corrected.sentOn(), "expectedResponseBy", corrected.expectedResponseBy());
    }

    /** Applies {@code assignments} to the event's attempt if the event is newer than what the row reflects. */
    private void update(EventEnvelope event, String assignments, Object... namesAndValues) {
        JdbcClient.StatementSpec statement = jdbc.sql("""
                UPDATE attempt_board SET %s, last_sequence = :sequence
                WHERE attempt_id = :attemptId AND seeker_id = :seekerId AND last_sequence < :sequence
                """.formatted(assignments))
                .param("attemptId", ((AttemptEvent) event.payload()).attemptId())
                .param("seekerId", event.seekerId())
                .param("sequence", event.aggregateSequence());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            statement = statement.param((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        if (statement.update() == 0) {
            log.warn("{} {} (sequence {} of {}) changed no board row: out of order, or its attempt is unknown",
                    event.type(), event.eventId(), event.aggregateSequence(), event.aggregateId());
        }
    }
}
