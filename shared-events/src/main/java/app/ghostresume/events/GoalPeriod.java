package app.ghostresume.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How a goal is cut into periods, in the seeker's time zone: ISO weeks (Monday to Sunday), calendar months, or
 * one custom window from the goal's start to its end. This is the one goal calendar: the command side asks it
 * when a new target takes effect, the read models and reports which periods a goal has.
 *
 * <p>A goal counts the whole period containing its {@code startsOn} and, when it has an {@code endsOn}, ends with
 * the period containing that day. A CUSTOM goal has the single period {@code startsOn} to {@code endsOn} (one
 * without an end, which the contract does not allow, is read as one day). A goal retired on day R keeps the
 * periods that ended before R; the one containing R and those after it are gone.
 */
public enum GoalPeriod {
    WEEK,
    MONTH,
    CUSTOM;

    /** The period containing {@code day} of a goal running from {@code startsOn} to {@code endsOn} (or open). */
    public DateRange containing(LocalDate day, LocalDate startsOn, LocalDate endsOn) {
        return switch (this) {
            case WEEK -> DateRange.isoWeekOf(day);
            case MONTH -> DateRange.monthOf(day);
            case CUSTOM -> new DateRange(startsOn, endsOn == null || endsOn.isBefore(startsOn) ? startsOn : endsOn);
        };
    }

    /** The last day of the goal's last period, or {@code null} for a goal without an end. */
    public LocalDate lastDay(LocalDate startsOn, LocalDate endsOn) {
        return endsOn == null ? null : containing(endsOn, startsOn, endsOn).end();
    }

    /**
     * The first day of the first period a target set on {@code today} applies to: periods already begun keep
     * theirs, so it is the next period's start (or the first period's, before the goal has begun). A CUSTOM goal's
     * one window takes the new target as a whole.
     */
    public LocalDate targetEffectiveFrom(LocalDate today, LocalDate startsOn) {
        if (this == CUSTOM) {
            return startsOn;
        }
        LocalDate firstPeriodStart = containing(startsOn, startsOn, null).start();
        return today.isBefore(firstPeriodStart) ? firstPeriodStart
                : containing(today, startsOn, null).end().plusDays(1);
    }

    /**
     * The goal's periods that have begun by {@code today}, oldest first; the last may still be open. Periods that
     * ended before {@code notBefore} are left out, so a goal that has run for years costs what its recent ones do
     * (a CUSTOM goal's one window is kept).
     *
     * @param retiredOn {@code null} while the goal is pursued
     * @param notBefore {@code null} for all of them
     */
    public List<DateRange> begunBy(LocalDate startsOn, LocalDate endsOn, LocalDate retiredOn, LocalDate today,
            LocalDate notBefore) {
        List<DateRange> periods = new ArrayList<>();
        if (this == CUSTOM) {
            DateRange only = containing(startsOn, startsOn, endsOn);
            if (!only.start().isAfter(today) && keptAfterRetirement(only, retiredOn)) {
                periods.add(only);
            }
            return periods;
        }
        LocalDate first = notBefore != null && startsOn.isBefore(notBefore) ? notBefore : startsOn;
        for (DateRange period = containing(first, startsOn, endsOn);
                !period.start().isAfter(today) && (endsOn == null || !period.start().isAfter(endsOn))
                        && keptAfterRetirement(period, retiredOn);
                period = containing(period.end().plusDays(1), startsOn, endsOn)) {
            periods.add(period);
        }
        return periods;
    }

    private static boolean keptAfterRetirement(DateRange period, LocalDate retiredOn) {
        return retiredOn == null || period.endedBy(retiredOn);
    }
}
