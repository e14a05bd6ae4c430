package app.ghostresume.query.seeker;

import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.query.consumption.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Fills {@code seeker} from SeekerRegistered. */
@Component
class SeekerProjection implements Projection {

    private final JdbcClient jdbc;

    SeekerProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.payload() instanceof SeekerRegistered registered) {
            jdbc.sql("""
                    INSERT INTO seeker (seeker_id, handle, display_name, time_zone)
                    VALUES (:seekerId, :handle, :displayName, :timeZone)
                    ON CONFLICT (seeker_id) DO UPDATE
                    SET handle = excluded.handle, display_name = excluded.display_name, time_zone = excluded.time_zone
                    """)
                    .param("seekerId", registered.seekerId())
                    .param("handle", registered.handle())
                    .param("displayName", registered.displayName())
                    .param("timeZone", registered.timeZone() == null ? "UTC" : registered.timeZone().getId())
                    .update();
        }
    }
}
