package app.ghostresume.command.goal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import app.ghostresume.events.GoalPeriod;

/**
 * How a goal's days fall into periods: ISO weeks (Monday to Sunday), calendar months, or the one custom window
 * from its start to its end. A goal counts the whole period containing its {@code startsOn}, and ends with the
 * period containing its {@code endsOn}.
 */
final class GoalPeriods {

    private GoalPeriods() {
    }

    /** The first day of the period containing {@code day}. */
    static LocalDate periodStart(GoalPeriod period, LocalDate day, LocalDate startsOn) {
        return switch (period) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case CUSTOM -> startsOn;
        };
    }

    /** The first day of the period after the one containing {@code day}. */
    static LocalDate nextPeriodStart(GoalPeriod period, LocalDate day) {
        return switch (period) {
            case WEEK -> day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1).plusMonths(1);
            case CUSTOM -> throw new IllegalArgumentException("a CUSTOM goal has one period");
        };
    }

    /** The last day of the goal's last period, or {@code null} for a goal without an end. */
    static LocalDate lastDay(GoalPeriod period, LocalDate endsOn) {
        if (endsOn == null) {
            return null;
        }
        return switch (period) {
            case WEEK -> endsOn.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case MONTH -> endsOn.with(TemporalAdjusters.lastDayOfMonth());
            case CUSTOM -> endsOn;
        };
    }
}
