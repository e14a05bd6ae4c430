package app.ghostresume.events;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one goal calendar: periods of weeks, months and custom windows, retirement, and when a new target applies. */
class GoalPeriodTest {

    private static final LocalDate FIVE_YEARS_BEFORE = date("2021-11-24");


    @Test
    void weeksAreIsoWeeksFromTheOneContainingTheStartToTheOneContainingToday() {
        // Wednesday 4 November 2026 to Tuesday 24 November
        List<DateRange> periods = GoalPeriod.WEEK.begunBy(date("2026-11-04"), null, null,
                date("2026-11-24"), null);

        assertThat(periods).containsExactly(period("2026-11-02", "2026-11-08"), period("2026-11-09", "2026-11-15"),
                period("2026-11-16", "2026-11-22"), period("2026-11-23", "2026-11-29"));
    }

    @Test
    void aGoalFromLongAgoIsEvaluatedOverItsLastFiveYearsOnly() {
        List<DateRange> periods = GoalPeriod.WEEK.begunBy(date("1900-01-01"), null, null,
                date("2026-11-24"), FIVE_YEARS_BEFORE);

        assertThat(periods).hasSizeBetween(261, 263);
        assertThat(periods.get(0)).isEqualTo(period("2021-11-22", "2021-11-28"));
        assertThat(periods.get(periods.size() - 1)).isEqualTo(period("2026-11-23", "2026-11-29"));
    }

    @Test
    void aWeekSpanningTheNewYearIsOneIsoWeek() {
        assertThat(GoalPeriod.WEEK.begunBy(date("2026-12-31"), null, null, date("2027-01-03"), null))
                .containsExactly(period("2026-12-28", "2027-01-03"));
    }

    @Test
    void monthsAreCalendarMonths() {
        assertThat(GoalPeriod.MONTH.begunBy(date("2026-01-15"), null, null, date("2026-03-01"), null))
                .containsExactly(period("2026-01-01", "2026-01-31"), period("2026-02-01", "2026-02-28"),
                        period("2026-03-01", "2026-03-31"));
    }

    @Test
    void anEndLimitsThePeriodsToTheOneContainingIt() {
        assertThat(GoalPeriod.WEEK.begunBy(date("2026-11-02"), date("2026-11-10"), null,
                date("2026-12-31"), null))
                .containsExactly(period("2026-11-02", "2026-11-08"), period("2026-11-09", "2026-11-15"));
        assertThat(GoalPeriod.MONTH.begunBy(date("2026-11-02"), date("2026-11-30"), null,
                date("2027-02-01"), null))
                .containsExactly(period("2026-11-01", "2026-11-30"));
    }

    @Test
    void aCustomGoalHasOneWindowOnceItHasBegun() {
        assertThat(GoalPeriod.CUSTOM.begunBy(date("2026-11-01"), date("2026-11-30"), null,
                date("2026-11-27"), null)).containsExactly(period("2026-11-01", "2026-11-30"));
        assertThat(GoalPeriod.CUSTOM.begunBy(date("2026-12-01"), date("2026-12-31"), null,
                date("2026-11-27"), null)).isEmpty();
    }

    @Test
    void aGoalThatStartsLaterHasNoPeriodsYet() {
        assertThat(GoalPeriod.WEEK.begunBy(date("2026-12-07"), null, null, date("2026-11-27"), null))
                .isEmpty();
    }

    @Test
    void retirementKeepsOnlyThePeriodsThatEndedBeforeIt() {
        // retired on Wednesday 18 November: the week of 16 November and later ones disappear
        assertThat(GoalPeriod.WEEK.begunBy(date("2026-11-02"), null, date("2026-11-18"),
                date("2026-11-27"), null))
                .containsExactly(period("2026-11-02", "2026-11-08"), period("2026-11-09", "2026-11-15"));
        // retired on a Monday: the week that ended the day before stays
        assertThat(GoalPeriod.WEEK.begunBy(date("2026-11-02"), null, date("2026-11-16"),
                date("2026-11-27"), null)).hasSize(2);
        // a custom window that ended before the retirement stays; one containing it disappears
        assertThat(GoalPeriod.CUSTOM.begunBy(date("2026-11-01"), date("2026-11-15"),
                date("2026-11-16"), date("2026-11-27"), null)).hasSize(1);
        assertThat(GoalPeriod.CUSTOM.begunBy(date("2026-11-01"), date("2026-11-30"),
                date("2026-11-16"), date("2026-11-27"), null)).isEmpty();
    }

    @Test
    void aNewTargetAppliesFromTheNextPeriodAndPeriodsBegunKeepTheirs() {
        // Wednesday 25 November 2026, a weekly goal begun on 2 November: from Monday 30 November
        assertThat(GoalPeriod.WEEK.targetEffectiveFrom(date("2026-11-25"), date("2026-11-02")))
                .isEqualTo(date("2026-11-30"));
        // on a Sunday, still the next day
        assertThat(GoalPeriod.WEEK.targetEffectiveFrom(date("2026-11-29"), date("2026-11-02")))
                .isEqualTo(date("2026-11-30"));
        assertThat(GoalPeriod.MONTH.targetEffectiveFrom(date("2026-11-25"), date("2026-10-15")))
                .isEqualTo(date("2026-12-01"));
        // a goal that has not begun takes it from its first period, which counts whole
        assertThat(GoalPeriod.WEEK.targetEffectiveFrom(date("2026-11-25"), date("2026-12-09")))
                .isEqualTo(date("2026-12-07"));
        assertThat(GoalPeriod.MONTH.targetEffectiveFrom(date("2026-11-25"), date("2027-02-10")))
                .isEqualTo(date("2027-02-01"));
        // a custom goal's one window takes it whole
        assertThat(GoalPeriod.CUSTOM.targetEffectiveFrom(date("2026-11-25"), date("2026-11-01")))
                .isEqualTo(date("2026-11-01"));
    }

    @Test
    void aNewTargetTakesEffectOnTheStartOfAPeriodTheCalendarCuts() {
        LocalDate startsOn = date("2026-03-18");
        for (GoalPeriod period : List.of(GoalPeriod.WEEK, GoalPeriod.MONTH)) {
            for (LocalDate today = startsOn.minusDays(40); today.isBefore(startsOn.plusDays(400));
                    today = today.plusDays(1)) {
                LocalDate from = period.targetEffectiveFrom(today, startsOn);
                LocalDate firstPeriodStart = period.containing(startsOn, startsOn, null).start();
                assertThat(period.containing(from, startsOn, null).start()).as("%s on %s", period, today)
                        .isEqualTo(from);
                if (today.isBefore(firstPeriodStart)) {
                    assertThat(from).as("%s on %s", period, today).isEqualTo(firstPeriodStart);
                }
                else {
                    // the period that today is in keeps its target; the very next one takes the new
                    assertThat(period.containing(from.minusDays(1), startsOn, null).contains(today))
                            .as("%s on %s", period, today).isTrue();
                }
            }
        }
    }

    @Test
    void theLastDayIsTheEndOfThePeriodContainingTheEnd() {
        assertThat(GoalPeriod.WEEK.lastDay(date("2026-11-02"), date("2026-11-25"))).isEqualTo(date("2026-11-29"));
        assertThat(GoalPeriod.MONTH.lastDay(date("2026-11-02"), date("2026-12-03"))).isEqualTo(date("2026-12-31"));
        assertThat(GoalPeriod.CUSTOM.lastDay(date("2026-11-02"), date("2026-11-20"))).isEqualTo(date("2026-11-20"));
        assertThat(GoalPeriod.WEEK.lastDay(date("2026-11-02"), null)).isNull();
    }

    @Test
    void aDateRangeNeverEndsBeforeItStarts() {
        assertThat(new DateRange(date("2026-11-02"), date("2026-11-02")).contains(date("2026-11-02"))).isTrue();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new DateRange(date("2026-11-02"), date("2026-11-01")));
    }

    private static DateRange period(String start, String end) {
        return new DateRange(date(start), date(end));
    }

    private static LocalDate date(String date) {
        return LocalDate.parse(date);
    }
}
