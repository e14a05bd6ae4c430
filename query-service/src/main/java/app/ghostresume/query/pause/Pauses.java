package app.ghostresume.query.pause;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@code pause}: a seeker's pauses that still count (not cancelled), earliest first. */
@Component
public class Pauses {

    private final JdbcClient jdbc;

    Pauses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Pause> activeOf(UUID seekerId) {
        return jdbc.sql("""
                SELECT pause_id, starts_on, ends_on, reason
                FROM pause
                WHERE seeker_id = :seekerId AND NOT cancelled
                ORDER BY starts_on, ends_on, pause_id
                """)
                .param("seekerId", seekerId)
                .query((rs, row) -> new Pause(rs.getObject("pause_id", UUID.class),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                        rs.getString("reason")))
                .list();
    }

    /** The days a seeker's active pauses cover. */
    public PausedDays pausedDaysOf(UUID seekerId) {
        return PausedDays.of(activeOf(seekerId));
    }

    /** A pause that counts, from {@code from} to {@code to}, both included. */
    public record Pause(UUID pauseId, LocalDate from, LocalDate to, String reason) {
    }
}
