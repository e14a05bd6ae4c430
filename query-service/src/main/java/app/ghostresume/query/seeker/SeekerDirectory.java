package app.ghostresume.query.seeker;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers what day it is for a seeker: calendar dates are in the seeker's time zone, UTC until it is known. */
@Component
public class SeekerDirectory {

    private final JdbcClient jdbc;
    private final Clock clock;

    SeekerDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public ZoneId timeZoneOf(UUID seekerId) {
        return jdbc.sql("SELECT time_zone FROM seeker WHERE seeker_id = :seekerId")
                .param("seekerId", seekerId)
                .query(String.class)
                .optional()
                .map(SeekerDirectory::zone)
                .orElse(ZoneOffset.UTC);
    }

    public LocalDate todayFor(UUID seekerId) {
        return LocalDate.now(clock.withZone(timeZoneOf(seekerId)));
    }

    /** Today in a time zone as stored in {@code seeker.time_zone}; UTC when it is unknown ({@code null}). */
    public LocalDate todayIn(String timeZone) {
        return LocalDate.now(clock.withZone(timeZone == null ? ZoneOffset.UTC : zone(timeZone)));
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        }
        catch (DateTimeException ex) {
            return ZoneOffset.UTC;
        }
    }
}
