package app.ghostresume.query.share;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.RejectionShared;
import app.ghostresume.events.ShareEvent;
import app.ghostresume.events.ShareHidden;
import app.ghostresume.events.ShareRemoved;
import app.ghostresume.events.ShareReported;
import app.ghostresume.events.ShareRestored;
import app.ghostresume.events.ShareWithdrawn;
import app.ghostresume.events.SupportOffered;
import app.ghostresume.events.SupportWithdrawn;
import app.ghostresume.query.consumption.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code share} and {@code share_support} current. A share's events arrive in its order (they are keyed by
 * the share); each applies only if it is newer than what the share reflects ({@code last_sequence}), so a repeat
 * changes nothing. RejectionShared creates the share or, shared again, replaces its facts, makes it active and
 * gives it a new feed position; a share that comes back after a withdrawal starts without support. ShareWithdrawn
 * makes it inactive and deletes its support; ShareHidden hides it pending review (sharing again does not unhide
 * it), ShareRestored shows it again, ShareRemoved leaves it hidden for good; SupportOffered adds or replaces one
 * supporter's kind of support, SupportWithdrawn deletes it. Reports are kept in {@code share_report} for the
 * operators' queue.
 */
@Component
class ShareProjection implements Projection {

    private static final Logger log = LoggerFactory.getLogger(ShareProjection.class);

    private final JdbcClient jdbc;

    ShareProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(EventEnvelope event) {
        if (!(event.payload() instanceof ShareEvent payload)) {
            return;
        }
        if (payload instanceof RejectionShared shared) {
            shared(event, shared);
        }
        else if (payload instanceof ShareWithdrawn withdrawn) {
            if (advance(event, ", active = false")) {
                jdbc.sql("DELETE FROM share_support WHERE share_id = :shareId")
                        .param("shareId", withdrawn.shareId())
                        .update();
            }
        }
        else if (payload instanceof ShareHidden) {
            advance(event, ", hidden = true, moderation = 'PENDING', hidden_at = :occurredAt");
        }
        else if (payload instanceof ShareRestored) {
            advance(event, ", hidden = false, moderation = 'RESTORED'");
        }
        else if (payload instanceof ShareRemoved) {
            advance(event, ", moderation = 'REMOVED'");
        }
        else if (payload instanceof SupportOffered support) {
            if (advance(event, "")) {
                jdbc.sql("""
                        INSERT INTO share_support (share_id, supporter_id, kind, message, offered_at)
                        VALUES (:shareId, :supporterId, :kind, :message, :offeredAt)
                        ON CONFLICT (share_id, supporter_id, kind) DO UPDATE
                        SET message = excluded.message, offered_at = excluded.offered_at
                        """)
                        .param("shareId", support.shareId())
                        .param("supporterId", support.seekerId())
                        .param("kind", support.kind().name())
                        .param("message", support.message())
                        .param("offeredAt", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                        .update();
            }
        }
        else if (payload instanceof SupportWithdrawn withdrawn) {
            if (advance(event, "")) {
                jdbc.sql("DELETE FROM share_support WHERE share_id = :shareId AND supporter_id = :supporterId "
                        + "AND kind = :kind")
                        .param("shareId", withdrawn.shareId())
                        .param("supporterId", withdrawn.seekerId())
                        .param("kind", withdrawn.kind().name())
                        .update();
            }
        }
        else if (payload instanceof ShareReported report) {
            if (advance(event, "")) {
                jdbc.sql("""
                        INSERT INTO share_report (share_id, reporter_id, reason, counted, reported_at)
                        VALUES (:shareId, :reporterId, :reason, :counted, :reportedAt)
                        ON CONFLICT DO NOTHING
                        """)
                        .param("shareId", report.shareId())
                        .param("reporterId", report.seekerId())
                        .param("reason", report.reason())
                        .param("counted", report.counts())
                        .param("reportedAt", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                        .update();
            }
        }
    }

    private void shared(EventEnvelope event, RejectionShared shared) {
        // coming back after a withdrawal: nothing of the support before it carries over
        jdbc.sql("""
                DELETE FROM share_support
                WHERE share_id = :shareId
                  AND EXISTS (SELECT 1 FROM share WHERE share_id = :shareId AND NOT active AND last_sequence < :sequence)
                """)
                .param("shareId", shared.shareId())
                .param("sequence", event.aggregateSequence())
                .update();
        jdbc.sql("""
                INSERT INTO share (share_id, author_id, attempt_id, anonymous, audience, challenge_id, outcome, category,
                                   stage_reached, sting, decided_on, shared_on, story, active, position, last_sequence)
                VALUES (:shareId, :authorId, :attemptId, :anonymous, :audience, :challengeId, :outcome, :category,
                        :stageReached, :sting, :decidedOn, :sharedOn, :story, true, nextval('share_position'),
                        :sequence)
                ON CONFLICT (share_id) DO UPDATE
                SET attempt_id = excluded.attempt_id, anonymous = excluded.anonymous, audience = excluded.audience,
                    challenge_id = excluded.challenge_id, outcome = excluded.outcome, category = excluded.category,
                    stage_reached = excluded.stage_reached, sting = excluded.sting, decided_on = excluded.decided_on,
                    shared_on = excluded.shared_on, story = excluded.story, active = true,
                    position = excluded.position, last_sequence = excluded.last_sequence
                WHERE share.last_sequence < excluded.last_sequence AND share.author_id = excluded.author_id
                """)
                .param("shareId", shared.shareId())
                .param("authorId", shared.seekerId())
                .param("attemptId", shared.attemptId())
                .param("anonymous", shared.anonymous())
                .param("audience", shared.audience().name())
                .param("challengeId", shared.challengeId())
                .param("outcome", shared.outcome().name())
                .param("category", shared.category().name())
                .param("stageReached", shared.stageReached())
                .param("sting", shared.sting())
                .param("decidedOn", shared.decidedOn())
                .param("sharedOn", shared.sharedOn())
                .param("story", shared.story())
                .param("sequence", event.aggregateSequence())
                .update();
    }

    /**
     * Moves the share to the event's position, with {@code assignments}; {@code false} when the share is unknown
     * or already past it (a repeat), and then the event changes nothing else either.
     */
    private boolean advance(EventEnvelope event, String assignments) {
        ShareEvent payload = (ShareEvent) event.payload();
        String authorOnly = payload instanceof ShareWithdrawn ? " AND author_id = :seekerId" : "";
        int changed = jdbc.sql("""
                UPDATE share SET last_sequence = :sequence%s
                WHERE share_id = :shareId AND last_sequence < :sequence%s
                """.formatted(assignments, authorOnly))
                .param("shareId", payload.shareId())
                .param("sequence", event.aggregateSequence())
                .param("seekerId", payload.seekerId())
                .param("occurredAt", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                .update();
        if (changed == 0) {
            log.warn("{} {} (sequence {} of {}) changed no share: a repeat, out of order, or its share is unknown",
                    event.type(), event.eventId(), event.aggregateSequence(), event.aggregateId());
        }
        return changed == 1;
    }
}
