package app.ghostresume.query.goal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.ghostresume.events.Category;
import app.ghostresume.events.DateRange;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.events.GoalPeriod;
import app.ghostresume.query.pause.PausedDays;
import app.ghostresume.query.pause.Pauses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Period statuses, targets per period, streaks and the consistency score, all by hand. */
class GoalProgressTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-25");

    @Test
    void aPeriodIsPausedWhenAllOfItIsPausedMetWhenReachedAndForgivenWhenPartlyPaused() {
        assertThat(PeriodStatus.of(5, 3, true, true)).isEqualTo(PeriodStatus.PAUSED);
        assertThat(PeriodStatus.of(3, 3, false, true)).isEqualTo(PeriodStatus.MET);
        assertThat(PeriodStatus.of(2, 3, false, true)).isEqualTo(PeriodStatus.PAUSED);
        assertThat(PeriodStatus.of(2, 3, false, false)).isEqualTo(PeriodStatus.MISSED);
        assertThat(PeriodStatus.of(0, 0, false, false)).isEqualTo(PeriodStatus.MET);
    }

    @Test
    void aTargetChangeAppliesFromThePeriodStartingOnOrAfterItsDayAndTheLatestChangeWins() {
        GoalDefinition goal = goal(2, List.of(new GoalDefinition.TargetChange(3, date("2026-11-16")),
                new GoalDefinition.TargetChange(4, date("2026-11-23")), new GoalDefinition.TargetChange(5,
                        date("2026-11-23"))));

        assertThat(goal.targetFor(date("2026-11-09"))).isEqualTo(2);
        assertThat(goal.targetFor(date("2026-11-16"))).isEqualTo(3);
        assertThat(goal.targetFor(date("2026-11-23"))).isEqualTo(5);
        assertThat(goal.latestTarget()).isEqualTo(5);
    }

    @Test
    void evaluatesEndedPeriodsTheOpenOneTheStreakAndTheScore() {
        GoalDefinition goal = goal(2, List.of(new GoalDefinition.TargetChange(3, date("2026-11-16"))));
        List<DateRange> periods = GoalPeriod.WEEK.begunBy(goal.startsOn(), null, null, TODAY, null);

        GoalView.Goal judged = GoalProgress.evaluate(goal, periods, new long[] { 2, 0, 2, 3 },
                PausedDays.of(List.of(pause("2026-11-09", "2026-11-15"))), TODAY);

        assertThat(judged.history()).extracting(GoalView.Ended::status)
                .containsExactly(PeriodStatus.MET, PeriodStatus.PAUSED, PeriodStatus.MISSED);
        assertThat(judged.history()).extracting(GoalView.Ended::target).containsExactly(2, 2, 3);
        assertThat(judged.current()).isEqualTo(new GoalView.Current(date("2026-11-23"), date("2026-11-29"), 3, 3,
                true));
        assertThat(judged.target()).isEqualTo(3);
        // MET, (PAUSED), MISSED, open MET: the run since the miss is 1, the longest 1
        assertThat(judged.streak()).isEqualTo(new Streaks.Streak(1, 1));
        // v = 1, 2/3, 1: 0.159104; 0.133790 + 0.106069 = 0.239859; 0.201698 + 0.159104 = 0.360802 → 36
        assertThat(judged.consistencyScore()).isEqualTo(36);
    }

    @Test
    void anOpenPeriodNotMetYetIsLeftOut() {
        GoalDefinition goal = goal(1, List.of());
        List<DateRange> periods = GoalPeriod.WEEK.begunBy(goal.startsOn(), null, null, TODAY, null);

        GoalView.Goal judged = GoalProgress.evaluate(goal, periods, new long[] { 1, 1, 1, 0 }, PausedDays.NONE,
                TODAY);

        assertThat(judged.current().met()).isFalse();
        assertThat(judged.streak()).isEqualTo(new Streaks.Streak(3, 3));
        // 1 − m³ = 1 − 0.594604 = 0.405396 → 41
        assertThat(judged.consistencyScore()).isEqualTo(41);
    }

    @Test
    void theScoreForgivesOneMissAfterAGoodRun() {
        ConsistencyScore score = new ConsistencyScore();
        for (int i = 0; i < 20; i++) {
            score.add(3, 3);
        }
        // 1 − m^20 = 1 − 0.5^5 = 0.96875
        assertThat(score.percent()).isEqualTo(97);
        score.add(0, 3);
        // 0.96875 · 0.840896 = 0.814618: a miss costs 16 points
        assertThat(score.percent()).isEqualTo(81);
        assertThat(ConsistencyScore.value(7, 3)).isEqualTo(1.0);
        assertThat(ConsistencyScore.MULTIPLIER).isCloseTo(0.840896, org.assertj.core.data.Offset.offset(1e-6));
    }

    private static GoalDefinition goal(int target, List<GoalDefinition.TargetChange> changes) {
        return new GoalDefinition(UUID.randomUUID(), GoalMetric.REJECTIONS, Category.PITCH, target, GoalPeriod.WEEK,
                date("2026-11-02"), null, null, changes);
    }

    private static Pauses.Pause pause(String from, String to) {
        return new Pauses.Pause(UUID.randomUUID(), date(from), date(to), null);
    }

    private static LocalDate date(String date) {
        return LocalDate.parse(date);
    }
}
