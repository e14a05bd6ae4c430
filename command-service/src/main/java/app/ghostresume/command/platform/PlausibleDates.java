package app.ghostresume.command.platform;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The dates any command accepts at all: nothing before 1900 and nothing more than 100 years ahead. Dates outside
 * are typing mistakes, and some cannot even be stored by the read side.
 */
public final class PlausibleDates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final int LATEST_YEARS_AHEAD = 100;

    private PlausibleDates() {
    }

    /** What is wrong with a date, as a message for its field, or empty when it is plausible. */
    public static Optional<String> problemWith(LocalDate date, LocalDate today) {
        if (date.isBefore(EARLIEST)) {
            return Optional.of("may not be before " + EARLIEST);
        }
        if (date.isAfter(today.plusYears(LATEST_YEARS_AHEAD))) {
            return Optional.of("may not be more than " + LATEST_YEARS_AHEAD + " years ahead");
        }
        return Optional.empty();
    }
}
