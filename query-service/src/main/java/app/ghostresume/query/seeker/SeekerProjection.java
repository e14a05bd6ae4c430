package app.ghostresume.query.seeker;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.ProfileChanged;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.query.consumption.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fills {@code seeker} from SeekerRegistered, and records from ProfileChanged whether the seeker's ghost résumé is
 * public; only a later position in the seeker's history changes that ({@code profile_sequence}). Runs before the
 * other projections, which may read a seeker's time zone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SeekerProjection implements Projection {

    private static final Logger log = LoggerFactory.getLogger(SeekerProjection.class);

    private final JdbcClient jdbc;

    SeekerProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.payload() instanceof SeekerRegistered registered) {
            jdbc.sql("""
                    INSERT INTO seeker (seeker_id, handle, display_name, time_zone, registered_at)
                    VALUES (:seekerId, :handle, :displayName, :timeZone, :registeredAt)
                    ON CONFLICT (seeker_id) DO UPDATE
                    SET handle = excluded.handle, display_name = excluded.display_name, time_zone = excluded.time_zone,
                        registered_at = excluded.registered_at
                    """)
                    .param("registeredAt", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                    .param("seekerId", registered.seekerId())
                    .param("handle", registered.handle())
                    .param("displayName", registered.displayName())
                    .param("timeZone", registered.timeZone() == null ? "UTC" : registered.timeZone().getId())
                    .update();
        }
        else if (event.payload() instanceof ProfileChanged profile) {
            int changed = jdbc.sql("""
                    UPDATE seeker SET public_ghost_resume = :public, profile_sequence = :sequence
                    WHERE seeker_id = :seekerId AND (profile_sequence IS NULL OR profile_sequence < :sequence)
                    """)
                    .param("seekerId", profile.seekerId())
                    .param("public", profile.publicGhostResume())
                    .param("sequence", event.aggregateSequence())
                    .update();
            if (changed == 0) {
                log.warn("ProfileChanged {} (sequence {} of {}) changed no seeker: out of order, or unknown seeker",
                        event.eventId(), event.aggregateSequence(), event.aggregateId());
            }
        }
    }
}
