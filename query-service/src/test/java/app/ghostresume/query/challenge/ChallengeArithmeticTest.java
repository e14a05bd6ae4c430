package app.ghostresume.query.challenge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import app.ghostresume.events.ChallengeGoal;
import app.ghostresume.events.ChallengeWeeks;
import app.ghostresume.events.GoalMetric;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Challenge progress and the leaderboard's competition ranking (the weeks are shared-events' ChallengeWeeks). */
class ChallengeArithmeticTest {

    private static final List<ChallengeWeeks.Week> WEEKS = ChallengeWeeks.of(date("2026-11-04"), date("2026-11-20"));

    @Test
    void weeklyProgressJudgesEndedWeeksAndShowsTheCurrentOne() {
        ChallengeGoal goal = new ChallengeGoal(GoalMetric.REJECTIONS, null, 2, ChallengeGoal.Per.WEEK);

        ChallengeView.Progress during = ChallengeProgress.of(goal, WEEKS, new long[] { 3, 1, 2 }, date("2026-11-18"));
        assertThat(during).isEqualTo(new ChallengeView.Progress(2, 2, true, 1,
                List.of(new ChallengeView.WeekResult(1, 3, true), new ChallengeView.WeekResult(2, 1, false))));

        ChallengeView.Progress before = ChallengeProgress.of(goal, WEEKS, new long[] { 0, 0, 0 }, date("2026-11-01"));
        assertThat(before).isEqualTo(new ChallengeView.Progress(0, 2, false, 0, List.of()));

        ChallengeView.Progress after = ChallengeProgress.of(goal, WEEKS, new long[] { 2, 2, 1 }, date("2026-12-01"));
        assertThat(after.weeksMet()).isEqualTo(2);
        assertThat(after.elapsed()).hasSize(3);
        assertThat(after.count()).isEqualTo(1);
    }

    @Test
    void totalProgressCountsTheWholeWindow() {
        ChallengeGoal goal = new ChallengeGoal(GoalMetric.ATTEMPTS, null, 5, ChallengeGoal.Per.TOTAL);

        assertThat(ChallengeProgress.of(goal, WEEKS, new long[] { 3, 1, 2 }, date("2026-11-18")))
                .isEqualTo(new ChallengeView.Progress(6, 5, true, null, null));
    }

    @Test
    void equalRejectionsAndAttemptsShareARankAndTheNextRankSkips() {
        List<Leaderboard.Entry> entries = new ArrayList<>(List.of(
                new Leaderboard.Entry("dee", "Dee", 4, 4),
                new Leaderboard.Entry(null, null, 0, 9),
                new Leaderboard.Entry("Bo", "Bo", 4, 4),
                new Leaderboard.Entry("ada", "Ada", 4, 5),
                new Leaderboard.Entry("cy", "Cy", 3, 9)));

        assertThat(Leaderboard.rank(entries)).extracting(standing -> standing.rank() + " " + standing.handle())
                .containsExactly("1 ada", "2 Bo", "2 dee", "4 cy", "5 null");
    }

    private static LocalDate date(String date) {
        return LocalDate.parse(date);
    }
}
