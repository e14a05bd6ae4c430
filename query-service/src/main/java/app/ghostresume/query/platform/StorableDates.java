package app.ghostresume.query.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Java reads dates PostgreSQL cannot hold ({@code +10000-01-01}); a query given one would fail in the
 * database. Dates from requests and cursors are kept to years 1 to 9999 instead, and refused with a 400.
 */
public final class StorableDates {

    private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    private StorableDates() {
    }

    public static LocalDate require(LocalDate date, String field) {
        if (date != null && (date.isBefore(FIRST) || date.isAfter(LAST))) {
            throw ApiProblem.invalid(field, "must lie between years 1 and 9999");
        }
        return date;
    }

    public static Instant require(Instant instant, String field) {
        if (instant != null) {
            require(LocalDate.ofInstant(instant, ZoneOffset.UTC), field);
        }
        return instant;
    }
}
