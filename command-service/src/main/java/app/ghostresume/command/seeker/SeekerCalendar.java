package app.ghostresume.command.seeker;

import app.ghostresume.command.platform.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import app.ghostresume.command.platform.web.Problems;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What day it is for a seeker: dates in commands are calendar dates in the seeker's own time zone. A seeker's
 * zone is set at sign-up and never changes, so a zone once read is kept for a minute (for the most recently active
 * seekers): every command needs it, and asking the database each time cost two round trips per command. An account
 * erased here is forgotten at once; one erased through another instance is refused here within the minute.
 */
@Component
public class SeekerCalendar {

    static final int REMEMBERED_SEEKERS = 100_000;
    static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);

    private final Accounts accounts;
    private final Clock clock;
    private final Cache<UUID, ZoneId> zones = Caffeine.newBuilder().maximumSize(REMEMBERED_SEEKERS)
            .expireAfterWrite(REMEMBERED_FOR).build();

    SeekerCalendar(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Forgets an erased account's zone. */
    void forget(UUID seekerId) {
        zones.invalidate(seekerId);
    }

    public LocalDate today(UUID seekerId) {
        return today(zoneOf(seekerId));
    }

    public LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * The seeker's time zone. A seeker without an account here is refused (401): a well-signed token naming
     * anyone else speaks for nobody. Only found zones are kept, so an account created a moment later is seen.
     */
    public ZoneId zoneOf(UUID seekerId) {
        ZoneId zone = zones.get(seekerId, id -> accounts.timeZoneOf(id).orElse(null));
        if (zone == null) {
            throw new Problems.ProblemException(ProblemType.UNAUTHENTICATED,
                    "This token's account does not exist.");
        }
        return zone;
    }
}
