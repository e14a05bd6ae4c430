package app.ghostresume.query.goal;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import app.ghostresume.query.pause.PausedDays;
import app.ghostresume.query.pause.Pauses;
import org.junit.jupiter.api.Test;

import static app.ghostresume.query.goal.PeriodStatus.MET;
import static app.ghostresume.query.goal.PeriodStatus.MISSED;
import static app.ghostresume.query.goal.PeriodStatus.PAUSED;
import static org.assertj.core.api.Assertions.assertThat;

class StreaksTest {

    @Test
    void pausedPeriodsNeitherBreakNorExtendAGoalStreak() {
        assertThat(Streaks.ofGoal(List.of(MET, PAUSED, MET), false)).isEqualTo(new Streaks.Streak(2, 2));
        assertThat(Streaks.ofGoal(List.of(PAUSED, PAUSED), false)).isEqualTo(new Streaks.Streak(0, 0));
    }

    @Test
    void aMissEndsTheRunAndTheOpenPeriodCountsOnlyOnceMet() {
        assertThat(Streaks.ofGoal(List.of(MET, MET, MISSED), false)).isEqualTo(new Streaks.Streak(0, 2));
        assertThat(Streaks.ofGoal(List.of(MET, MISSED, MET, MET), true)).isEqualTo(new Streaks.Streak(3, 3));
        assertThat(Streaks.ofGoal(List.of(MET), false)).isEqualTo(new Streaks.Streak(1, 1));
        assertThat(Streaks.ofGoal(List.of(), true)).isEqualTo(new Streaks.Streak(1, 1));
    }

    @Test
    void todayWithoutActivityDoesNotBreakTheActivityStreak() {
        TreeSet<LocalDate> days = days("2026-11-20", "2026-11-21", "2026-11-22");

        assertThat(Streaks.ofActivity(days, PausedDays.NONE, date("2026-11-23")))
                .isEqualTo(new Streaks.Activity(3, 3, date("2026-11-22")));
        assertThat(Streaks.ofActivity(days, PausedDays.NONE, date("2026-11-22")))
                .isEqualTo(new Streaks.Activity(3, 3, date("2026-11-22")));
        assertThat(Streaks.ofActivity(days, PausedDays.NONE, date("2026-11-24")))
                .isEqualTo(new Streaks.Activity(0, 3, date("2026-11-22")));
    }

    @Test
    void pausedDaysNeitherBreakNorExtendTheActivityStreak() {
        // 24 and 25 active, 26 paused without activity, 27 paused with activity, 28 active, 29 is today
        TreeSet<LocalDate> days = days("2026-11-24", "2026-11-25", "2026-11-27", "2026-11-28");
        PausedDays paused = PausedDays.of(List.of(new Pauses.Pause(UUID.randomUUID(), date("2026-11-26"),
                date("2026-11-27"), "flu")));

        assertThat(Streaks.ofActivity(days, paused, date("2026-11-29")))
                .isEqualTo(new Streaks.Activity(3, 3, date("2026-11-28")));
        assertThat(Streaks.ofActivity(new TreeSet<>(), paused, date("2026-11-29")))
                .isEqualTo(new Streaks.Activity(0, 0, null));
    }

    private static TreeSet<LocalDate> days(String... days) {
        TreeSet<LocalDate> set = new TreeSet<>();
        for (String day : days) {
            set.add(date(day));
        }
        return set;
    }

    private static LocalDate date(String date) {
        return LocalDate.parse(date);
    }
}
