package app.ghostresume.command.seeker;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

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
        return LocalDate.now(clock.withZone(accounts.timeZoneOf(seekerId).orElse(ZoneOffset.UTC)));
    }
}
