package app.ghostresume.command.seeker;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import app.ghostresume.command.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** What day it is for a seeker: dates in commands are calendar dates in the seeker's own time zone. */
@Component
public class SeekerCalendar {

    private final Accounts accounts;
    private final Clock clock;

    SeekerCalendar(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    public LocalDate today(UUID seekerId) {
        return today(zoneOf(seekerId));
    }

    public LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The seeker's time zone; every signed-in seeker has an account ({@link AccountRequired}). */
    public ZoneId zoneOf(UUID seekerId) {
        return accounts.timeZoneOf(seekerId).orElseThrow(() -> new Problems.ProblemException(
                HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", "This token's account does not exist."));
    }
}
