package app.ghostresume.query.goal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import app.ghostresume.events.GoalPeriod;

/**
 * Cuts a goal into its periods, in the seeker's calendar. WEEK periods are ISO weeks (Monday to Sunday), MONTH
 * periods calendar months; the first is the one containing the goal's {@code startsOn} (all of it counts) and, when
 * {@code endsOn} is set, the last is the one containing {@code endsOn}. A CUSTOM goal has a single period,
 * {@code startsOn} to {@code endsOn} (a goal without an end, which the contract does not allow, is read as one
 * day). Only periods that have begun by today are returned. A goal retired on day R keeps the periods that ended
 * before R; the one containing R and those after it disappear.
 */
final class GoalPeriods {

    private GoalPeriods() {
    }

    /**
     * How far back a goal's periods are evaluated: goals are set at most a year back, so only one that has run for
     * years loses its oldest periods, and no read evaluates thousands of them.
     */
    static final java.time.Period EVALUATED_BACK = java.time.Period.ofYears(5);

    /**
     * The goal's periods that have begun by {@code today} (those of the last {@link #EVALUATED_BACK} only), oldest
     * first; the last may still be open.
     */
    static List<Period> begunBy(GoalPeriod kind, LocalDate startsOn, LocalDate endsOn, LocalDate retiredOn,
            LocalDate today) {
        List<Period> periods = new ArrayList<>();
        if (kind == GoalPeriod.CUSTOM) {
            Period only = new Period(startsOn, endsOn == null || endsOn.isBefore(startsOn) ? startsOn : endsOn);
            if (!only.start().isAfter(today) && keptAfterRetirement(only, retiredOn)) {
                periods.add(only);
            }
            return periods;
        }
        LocalDate horizon = today.minus(EVALUATED_BACK);
        for (Period period = containing(kind, startsOn.isBefore(horizon) ? horizon : startsOn);
                !period.start().isAfter(today) && (endsOn == null || !period.start().isAfter(endsOn))
                        && keptAfterRetirement(period, retiredOn);
                period = containing(kind, period.end().plusDays(1))) {
            periods.add(period);
        }
        return periods;
    }

    /** The WEEK or MONTH period containing {@code day}. */
    static Period containing(GoalPeriod kind, LocalDate day) {
        if (kind == GoalPeriod.MONTH) {
            return new Period(day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
        }
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Period(monday, monday.plusDays(6));
    }

    private static boolean keptAfterRetirement(Period period, LocalDate retiredOn) {
        return retiredOn == null || period.end().isBefore(retiredOn);
    }
}
