package app.ghostresume.query.challenge;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.ghostresume.events.ChallengeGoal;
import app.ghostresume.events.ChallengeVisibility;
import app.ghostresume.events.ChallengeWeeks;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON shapes of {@code GET /api/challenges/{id}} and {@code GET /api/challenges}. */
public final class ChallengeView {

    private ChallengeView() {
    }

    /**
     * One challenge as a member or, for a PUBLIC one, anyone sees it.
     *
     * @param inviteCode only for members; absent otherwise
     * @param members    current members by handle, with their counts inside the window
     */
    public record Challenge(UUID challengeId, String name, String description, LocalDate startsOn, LocalDate endsOn,
            ChallengeGoal goal, ChallengeVisibility visibility,
            @JsonInclude(JsonInclude.Include.NON_NULL) String inviteCode, int memberCount,
            List<ChallengeWeeks.Week> weeks, List<Member> members, List<Leaderboard.Standing> leaderboard) {
    }

    /** What the group sees of a member: counts only. */
    public record Member(String handle, String displayName, LocalDate joinedOn, List<WeekCounts> weeks, Counts totals,
            Progress progress) {
    }

    public record WeekCounts(int week, long attempts, long rejections, long acceptances) {
    }

    public record Counts(long attempts, long rejections, long acceptances) {
    }

    /**
     * Progress toward the challenge goal. Per TOTAL: the goal metric's count over the window against the target.
     * Per WEEK: {@code count} and {@code met} are the current challenge week's (week 1 before the start, the last
     * week after the end), {@code weeksMet} how many ended weeks were met, and {@code elapsed} each ended week.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Progress(long count, int target, boolean met, Integer weeksMet, List<WeekResult> elapsed) {
    }

    /** An ended challenge week: the goal metric's count in it and whether it reached the target. */
    public record WeekResult(int week, long count, boolean met) {
    }

    /** {@code next} is the cursor of the following page, {@code null} on the last. */
    record ChallengeList(List<Summary> challenges, String next) {
    }

    /** @param member whether the caller is a member */
    record Summary(UUID challengeId, String name, LocalDate startsOn, LocalDate endsOn,
            ChallengeVisibility visibility, long memberCount, boolean member) {
    }
}
