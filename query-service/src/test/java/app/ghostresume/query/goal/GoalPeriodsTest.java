package app.ghostresume.query.goal;

import java.time.LocalDate;
import java.util.List;

import app.ghostresume.events.GoalPeriod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GoalPeriodsTest {

    @Test
    void weeksAreIsoWeeksFromTheOneContainingTheStartToTheOneContainingToday() {
        // Wednesday 4 November 2026 to Tuesday 24 November
        List<Period> periods = GoalPeriods.begunBy(GoalPeriod.WEEK, date("2026-11-04"), null, null,
                date("2026-11-24"));

        assertThat(periods).containsExactly(period("2026-11-02", "2026-11-08"), period("2026-11-09", "2026-11-15"),
                period("2026-11-16", "2026-11-22"), period("2026-11-23", "2026-11-29"));
    }

    @Test
    void aGoalFromLongAgoIsEvaluatedOverItsLastFiveYearsOnly() {
        List<Period> periods = GoalPeriods.begunBy(GoalPeriod.WEEK, date("1900-01-01"), null, null,
                date("2026-11-24"));

        assertThat(periods).hasSizeBetween(261, 263);
        assertThat(periods.get(0)).isEqualTo(period("2021-11-22", "2021-11-28"));
        assertThat(periods.get(periods.size() - 1)).isEqualTo(period("2026-11-23", "2026-11-29"));
    }

    @Test
    void aWeekSpanningTheNewYearIsOneIsoWeek() {
        assertThat(GoalPeriods.begunBy(GoalPeriod.WEEK, date("2026-12-31"), null, null, date("2027-01-03")))
                .containsExactly(period("2026-12-28", "2027-01-03"));
    }

    @Test
    void monthsAreCalendarMonths() {
        assertThat(GoalPeriods.begunBy(GoalPeriod.MONTH, date("2026-01-15"), null, null, date("2026-03-01")))
                .containsExactly(period("2026-01-01", "2026-01-31"), period("2026-02-01", "2026-02-28"),
                        period("2026-03-01", "2026-03-31"));
    }

    @Test
    void anEndLimitsThePeriodsToTheOneContainingIt() {
        assertThat(GoalPeriods.begunBy(GoalPeriod.WEEK, date("2026-11-02"), date("2026-11-10"), null,
                date("2026-12-31")))
                .containsExactly(period("2026-11-02", "2026-11-08"), period("2026-11-09", "2026-11-15"));
        assertThat(GoalPeriods.begunBy(GoalPeriod.MONTH, date("2026-11-02"), date("2026-11-30"), null,
                date("2027-02-01")))
                .containsExactly(period("2026-11-01", "2026-11-30"));
    }

    @Test
    void aCustomGoalHasOneWindowOnceItHasBegun() {
        assertThat(GoalPeriods.begunBy(GoalPeriod.CUSTOM, date("2026-11-01"), date("2026-11-30"), null,
                date("2026-11-27"))).containsExactly(period("2026-11-01", "2026-11-30"));
        assertThat(GoalPeriods.begunBy(GoalPeriod.CUSTOM, date("2026-12-01"), date("2026-12-31"), null,
                date("2026-11-27"))).isEmpty();
    }

    @Test
    void aGoalThatStartsLaterHasNoPeriodsYet() {
        assertThat(GoalPeriods.begunBy(GoalPeriod.WEEK, date("2026-12-07"), null, null, date("2026-11-27")))
                .isEmpty();
    }

    @Test
    void retirementKeepsOnlyThePeriodsThatEndedBeforeIt() {
        // retired on Wednesday 18 November: the week of 16 November and later ones disappear
        assertThat(GoalPeriods.begunBy(GoalPeriod.WEEK, date("2026-11-02"), null, date("2026-11-18"),
                date("2026-11-27")))
                .containsExactly(period("2026-11-02", "2026-11-08"), period("2026-11-09", "2026-11-15"));
        // retired on a Monday: the week that ended the day before stays
        assertThat(GoalPeriods.begunBy(GoalPeriod.WEEK, date("2026-11-02"), null, date("2026-11-16"),
                date("2026-11-27"))).hasSize(2);
        // a custom window that ended before the retirement stays; one containing it disappears
        assertThat(GoalPeriods.begunBy(GoalPeriod.CUSTOM, date("2026-11-01"), date("2026-11-15"),
                date("2026-11-16"), date("2026-11-27"))).hasSize(1);
        assertThat(GoalPeriods.begunBy(GoalPeriod.CUSTOM, date("2026-11-01"), date("2026-11-30"),
                date("2026-11-16"), date("2026-11-27"))).isEmpty();
    }

    private static Period period(String start, String end) {
        return new Period(date(start), date(end));
    }

    private static LocalDate date(String date) {
        return LocalDate.parse(date);
    }
}
