package app.ghostresume.query.goal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.GoalRetired;
import app.ghostresume.events.GoalSet;
import app.ghostresume.events.GoalTargetChanged;
import app.ghostresume.query.consumption.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code goal} and {@code goal_target_change} as the seeker defined them: no counts are stored, so nothing
 * here depends on when attempts arrive. Target changes are kept with their position in the goal's history, since
 * the latest change effective for a period decides its target.
 */
@Component
class GoalProjection implements Projection {

    private final JdbcClient jdbc;

    GoalProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.payload() instanceof GoalSet set) {
            jdbc.sql("""
                    INSERT INTO goal (goal_id, seeker_id, metric, category, target, period, starts_on, ends_on, set_at)
                    VALUES (:goalId, :seekerId, :metric, :category, :target, :period, :startsOn, :endsOn, :setAt)
                    ON CONFLICT (goal_id) DO NOTHING
                    """)
                    .param("goalId", set.goalId())
                    .param("seekerId", event.seekerId())
                    .param("metric", set.metric().name())
                    .param("category", set.category() == null ? null : set.category().name())
                    .param("target", set.target())
                    .param("period", set.period().name())
                    .param("startsOn", set.startsOn())
                    .param("endsOn", set.endsOn())
                    .param("setAt", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                    .update();
        }
        else if (event.payload() instanceof GoalTargetChanged changed) {
            jdbc.sql("""
                    INSERT INTO goal_target_change (goal_id, sequence, target, effective_from)
                    VALUES (:goalId, :sequence, :target, :effectiveFrom)
                    ON CONFLICT (goal_id, sequence) DO NOTHING
                    """)
                    .param("goalId", changed.goalId())
                    .param("sequence", event.aggregateSequence())
                    .param("target", changed.target())
                    .param("effectiveFrom", changed.effectiveFrom())
                    .update();
        }
        else if (event.payload() instanceof GoalRetired retired) {
            jdbc.sql("UPDATE goal SET retired_on = :retiredOn WHERE goal_id = :goalId AND seeker_id = :seekerId")
                    .param("retiredOn", retired.retiredOn())
                    .param("goalId", retired.goalId())
                    .param("seekerId", event.seekerId())
                    .update();
        }
    }
}
