package app.ghostresume.query.seeker;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.SeekerEvent;
import app.ghostresume.events.SeekerRegistered;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers what day it is for a seeker: calendar dates are in the seeker's time zone, UTC until it is known. A
 * seeker's time zone never changes once registered, so the zones of recently asked-about seekers are remembered
 * (projecting an event without a date of its own, or answering a read, then needs no query); a seeker not yet
 * known is asked about again next time.
 */
@Component
public class SeekerDirectory {

    private static final int REMEMBERED_SEEKERS = 50_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Cache<UUID, ZoneId> zones = Caffeine.newBuilder().maximumSize(REMEMBERED_SEEKERS).build();

    SeekerDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public ZoneId timeZoneOf(UUID seekerId) {
        ZoneId known = zones.getIfPresent(seekerId);
        if (known != null) {
            return known;
        }
        Optional<ZoneId> stored = jdbc.sql("SELECT time_zone FROM seeker WHERE seeker_id = :seekerId")
                .param("seekerId", seekerId)
                .query(String.class)
                .optional()
                .map(SeekerDirectory::zone);
        stored.ifPresent(zone -> zones.put(seekerId, zone));
        return stored.orElse(ZoneOffset.UTC);
    }

    /**
     * The one rule for the calendar day an event is about, in the acting seeker's calendar: the day it names
     * ({@link SeekerEvent#ownDate}), else the day it was stored in the seeker's time zone. Only events keyed by
     * their seeker name no day, so their seeker's registration has been projected before them, or is in the same
     * batch: {@code zoneIfKnown} is then the zone it registered with.
     *
     * @param zoneIfKnown the seeker's zone when the caller knows it, else {@code null}
     */
    public LocalDate dayOf(EventEnvelope event, ZoneId zoneIfKnown) {
        SeekerEvent payload = event.payload();
        return payload.ownDate().orElseGet(() -> {
            ZoneId zone = payload instanceof SeekerRegistered registered && registered.timeZone() != null
                    ? registered.timeZone() : zoneIfKnown != null ? zoneIfKnown : timeZoneOf(event.seekerId());
            return LocalDate.ofInstant(event.occurredAt(), zone);
        });
    }

    /** {@link #dayOf(EventEnvelope, ZoneId)} for a seeker whose zone the caller does not know. */
    public LocalDate dayOf(EventEnvelope event) {
        return dayOf(event, null);
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
