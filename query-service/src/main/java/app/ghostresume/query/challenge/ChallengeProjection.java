package app.ghostresume.query.challenge;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import app.ghostresume.events.ChallengeCreated;
import app.ghostresume.events.ChallengeJoined;
import app.ghostresume.events.ChallengeLeft;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.query.consumption.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code challenge} and {@code challenge_member}. A challenge's events are keyed by the challenge, so they
 * arrive in order among themselves; joining again after leaving makes the seeker a member once more.
 */
@Component
class ChallengeProjection implements Projection {

    private final JdbcClient jdbc;

    ChallengeProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.payload() instanceof ChallengeCreated created) {
            created(event, created);
        }
        else if (event.payload() instanceof ChallengeJoined joined) {
            jdbc.sql("""
                    INSERT INTO challenge_member (challenge_id, seeker_id, joined_on)
                    VALUES (:challengeId, :seekerId, :joinedOn)
                    ON CONFLICT (challenge_id, seeker_id) DO UPDATE SET joined_on = excluded.joined_on, left_on = NULL
                    """)
                    .param("challengeId", joined.challengeId())
                    .param("seekerId", event.seekerId())
                    .param("joinedOn", joined.joinedOn())
                    .update();
        }
        else if (event.payload() instanceof ChallengeLeft left) {
            jdbc.sql("""
                    UPDATE challenge_member SET left_on = :leftOn
                    WHERE challenge_id = :challengeId AND seeker_id = :seekerId
                    """)
                    .param("leftOn", left.leftOn())
                    .param("challengeId", left.challengeId())
                    .param("seekerId", event.seekerId())
                    .update();
        }
    }

    private void created(EventEnvelope event, ChallengeCreated created) {
        jdbc.sql("""
                INSERT INTO challenge (challenge_id, creator_id, name, description, starts_on, ends_on, goal_metric,
                                       goal_category, goal_target, goal_per, visibility, invite_code, created_at)
                VALUES (:challengeId, :creatorId, :name, :description, :startsOn, :endsOn, :metric, :category, :target,
                        :per, :visibility, :inviteCode, :createdAt)
                ON CONFLICT (challenge_id) DO NOTHING
                """)
                .param("challengeId", created.challengeId())
                .param("creatorId", event.seekerId())
                .param("name", created.name())
                .param("description", created.description())
                .param("startsOn", created.startsOn())
                .param("endsOn", created.endsOn())
                .param("metric", created.goal().metric().name())
                .param("category", created.goal().category() == null ? null : created.goal().category().name())
                .param("target", created.goal().target())
                .param("per", created.goal().per().name())
                .param("visibility", created.visibility().name())
                .param("inviteCode", created.inviteCode())
                .param("createdAt", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                .update();
    }
}
