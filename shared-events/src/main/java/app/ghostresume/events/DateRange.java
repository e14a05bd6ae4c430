package app.ghostresume.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * A stretch of calendar days in a seeker's calendar, {@code start} to {@code end}, both included: a goal's period,
 * a challenge's week.
 */
public record DateRange(LocalDate start, LocalDate end) {

    public DateRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a range ending on " + end + " cannot start on " + start);
        }
    }

    /** The ISO week (Monday to Sunday) containing {@code day}: the week of goals, statistics and reports. */
    public static DateRange isoWeekOf(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new DateRange(monday, monday.plusDays(6));
    }

    /** The calendar month containing {@code day}. */
    public static DateRange monthOf(LocalDate day) {
        return new DateRange(day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** Over by {@code today}: its last day has passed. */
    public boolean endedBy(LocalDate today) {
        return end.isBefore(today);
    }
}
