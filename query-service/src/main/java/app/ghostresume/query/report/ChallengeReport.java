package app.ghostresume.query.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.events.ChallengeGoal;
import app.ghostresume.events.ChallengeWeeks;
import app.ghostresume.events.SupportKind;
import app.ghostresume.query.challenge.ChallengeView;
import app.ghostresume.query.challenge.Leaderboard;

/**
 * The JSON shape of {@code GET /api/challenges/{challengeId}/report}: the challenge's wrap-up as the events recorded
 * up to {@code asOf} tell it. The table and leaderboard are the challenge page's as it stood on the window's last
 * day: the members of that day (one who left after the end is still in; one who left before it, or joined after
 * it, is not), each with their counts inside the window. Only what a member sees on the page and in the
 * challenge's feed.
 *
 * @param members     the members on the window's last day, by handle, with their weeks, totals and progress
 * @param group       the group's totals: how many members, and their attempts, rejections and acceptances
 * @param mostSupported the challenge feed's shares with the most support, at most {@value #MOST_SUPPORTED}
 */
public record ChallengeReport(UUID challengeId, String name, LocalDate startsOn, LocalDate endsOn,
        ChallengeGoal goal, Instant asOf, boolean ended, List<ChallengeWeeks.Week> weeks,
        List<ChallengeView.Member> members, List<Leaderboard.Standing> leaderboard, Group group,
        List<FeedShare> mostSupported) {

    static final int MOST_SUPPORTED = 5;

    /** {@code membersMetGoal}: the members whose progress met the goal (per WEEK: every ended week met). */
    public record Group(int members, long attempts, long rejections, long acceptances, long membersMetGoal) {
    }

    /**
     * A share of the challenge's feed as members see it there: dates rounded to their ISO week (the Monday), the
     * author by handle unless anonymous, and an anonymous one without dates.
     */
    public record FeedShare(UUID shareId, AttemptStatus outcome, Category category, String stageReached,
            Integer sting, LocalDate decidedWeek, LocalDate sharedWeek, String story, boolean anonymous,
            String authorHandle, String authorDisplayName, long support, Map<SupportKind, Long> supportByKind) {
    }
}
