package app.ghostresume.query.pause;

import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.PauseCancelled;
import app.ghostresume.events.PauseScheduled;
import app.ghostresume.query.consumption.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Fills {@code pause} from PauseScheduled and marks a row cancelled on PauseCancelled. */
@Component
class PauseProjection implements Projection {

    private final JdbcClient jdbc;

    PauseProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.payload() instanceof PauseScheduled scheduled) {
            jdbc.sql("""
                    INSERT INTO pause (pause_id, seeker_id, starts_on, ends_on, reason)
                    VALUES (:pauseId, :seekerId, :startsOn, :endsOn, :reason)
                    ON CONFLICT (pause_id) DO NOTHING
                    """)
                    .param("pauseId", scheduled.pauseId())
                    .param("seekerId", event.seekerId())
                    .param("startsOn", scheduled.startsOn())
                    .param("endsOn", scheduled.endsOn())
                    .param("reason", scheduled.reason())
                    .update();
        }
        else if (event.payload() instanceof PauseCancelled cancelled) {
            jdbc.sql("UPDATE pause SET cancelled = true WHERE pause_id = :pauseId AND seeker_id = :seekerId")
                    .param("pauseId", cancelled.pauseId())
                    .param("seekerId", event.seekerId())
                    .update();
        }
    }
}
