package app.ghostresume.events;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Challenge weeks count from the challenge's first day; every day of the challenge lies in exactly one. */
class ChallengeWeeksTest {

    @Test
    void weeksRunFromTheFirstDayAndTheLastMayBeShort() {
        assertThat(ChallengeWeeks.of(date("2026-11-04"), date("2026-11-20"))).containsExactly(
                new ChallengeWeeks.Week(1, date("2026-11-04"), date("2026-11-10")),
                new ChallengeWeeks.Week(2, date("2026-11-11"), date("2026-11-17")),
                new ChallengeWeeks.Week(3, date("2026-11-18"), date("2026-11-20")));
    }

    @Test
    void eachDayFallsInTheWeekThatContainsIt() {
        LocalDate startsOn = date("2026-11-01");
        LocalDate endsOn = date("2026-12-15");
        for (ChallengeWeeks.Week week : ChallengeWeeks.of(startsOn, endsOn)) {
            for (LocalDate day = week.startsOn(); !day.isAfter(week.endsOn()); day = day.plusDays(1)) {
                assertThat(ChallengeWeeks.weekOf(startsOn, day)).as("%s", day).isEqualTo(week.week());
            }
        }
        assertThat(ChallengeWeeks.weekOf(startsOn, startsOn.minusDays(1))).isLessThan(1);
        assertThat(ChallengeWeeks.weekOf(startsOn, startsOn.minusDays(7))).isLessThan(1);
    }

    private static LocalDate date(String date) {
        return LocalDate.parse(date);
    }
}
