package app.ghostresume.query.challenge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import app.ghostresume.events.ChallengeGoal;
import app.ghostresume.events.ChallengeWeeks;

/** A member's progress toward the challenge goal, from the goal metric's count in each challenge week. */
final class ChallengeProgress {

    private ChallengeProgress() {
    }

    /**
     * @param goalCounts the goal metric's count in each challenge week, week 1 first
     * @param today      the member's today, in their own time zone
     */
    static ChallengeView.Progress of(ChallengeGoal goal, List<ChallengeWeeks.Week> weeks, long[] goalCounts,
            LocalDate today) {
        if (goal.per() == ChallengeGoal.Per.TOTAL) {
            long total = 0;
            for (long count : goalCounts) {
                total += count;
            }
            return new ChallengeView.Progress(total, goal.target(), total >= goal.target(), null, null);
        }
        List<ChallengeView.WeekResult> elapsed = new ArrayList<>();
        int current = -1;
        for (int i = 0; i < weeks.size(); i++) {
            ChallengeWeeks.Week week = weeks.get(i);
            if (week.endsOn().isBefore(today)) {
                elapsed.add(new ChallengeView.WeekResult(week.week(), goalCounts[i], goalCounts[i] >= goal.target()));
            }
            if (current < 0 && !week.endsOn().isBefore(today)) {
                current = i;
            }
        }
        if (current < 0) {
            current = weeks.size() - 1;
        }
        long count = current < 0 ? 0 : goalCounts[current];
        int weeksMet = (int) elapsed.stream().filter(ChallengeView.WeekResult::met).count();
        return new ChallengeView.Progress(count, goal.target(), count >= goal.target(), weeksMet, elapsed);
    }
}
