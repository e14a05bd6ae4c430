package app.ghostresume.query.challenge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import app.ghostresume.events.ChallengeGoal;
import app.ghostresume.events.ChallengeWeeks;
import app.ghostresume.query.board.CountedFact;

/**
 * A challenge's table, the one way both its page and its report make it: each member's counted facts inside the
 * window by challenge week ({@link ChallengeWeeks}), attempts by the day sent, rejections and acceptances by the
 * day received, in the goal's category when it names one (the group sees nothing of a member's other categories);
 * their totals, progress toward the goal ({@link ChallengeProgress}) and the leaderboard ({@link Leaderboard}).
 * Members are listed by handle.
 */
public final class ChallengeTable {

    /** How a member who erased their account appears in the challenge's table, with their counts. */
    public static final String FORMER_MEMBER = "a former member";

    private ChallengeTable() {
    }

    public static Table of(ChallengeGoal goal, List<ChallengeWeeks.Week> weeks, List<MemberWeeks> members) {
        List<MemberWeeks> byHandle = new ArrayList<>(members);
        byHandle.sort(Comparator.comparing(MemberWeeks::handle, Leaderboard.BY_HANDLE));
        List<ChallengeView.Member> table = new ArrayList<>();
        List<Leaderboard.Entry> entries = new ArrayList<>();
        for (MemberWeeks member : byHandle) {
            List<ChallengeView.WeekCounts> weekly = new ArrayList<>();
            long[] goalCounts = new long[weeks.size()];
            for (int w = 0; w < weeks.size(); w++) {
                weekly.add(new ChallengeView.WeekCounts(w + 1, member.attempts[w], member.rejections[w],
                        member.acceptances[w]));
                goalCounts[w] = switch (goal.metric()) {
                    case ATTEMPTS -> member.attempts[w];
                    case REJECTIONS -> member.rejections[w];
                    case ACCEPTANCES -> member.acceptances[w];
                };
            }
            ChallengeView.Counts totals = new ChallengeView.Counts(sum(member.attempts), sum(member.rejections),
                    sum(member.acceptances));
            table.add(new ChallengeView.Member(member.handle, member.displayName, member.joinedOn, weekly, totals,
                    ChallengeProgress.of(goal, weeks, goalCounts, member.today)));
            entries.add(new Leaderboard.Entry(member.handle, member.displayName, totals.rejections(),
                    totals.attempts()));
        }
        return new Table(table, Leaderboard.rank(entries));
    }

    /**
     * Whether a member met the challenge goal: per TOTAL, the window's count reached the target; per WEEK, every
     * week of the window, all of them over, did.
     */
    public static boolean metGoal(ChallengeGoal goal, int weeks, ChallengeView.Member member) {
        return goal.per() == ChallengeGoal.Per.TOTAL ? member.progress().met()
                : member.progress().elapsed().size() == weeks
                        && member.progress().elapsed().stream().allMatch(ChallengeView.WeekResult::met);
    }

    private static long sum(long[] counts) {
        long sum = 0;
        for (long count : counts) {
            sum += count;
        }
        return sum;
    }

    /** The members by handle, each with their weeks, totals and progress; and the leaderboard. */
    public record Table(List<ChallengeView.Member> members, List<Leaderboard.Standing> leaderboard) {
    }

    /** One member's counts in each challenge week, filled from their counted facts. */
    public static final class MemberWeeks {

        private final String handle;
        private final String displayName;
        private final LocalDate joinedOn;
        private final LocalDate today;
        private final long[] attempts;
        private final long[] rejections;
        private final long[] acceptances;

        /** @param today the member's today, in their own time zone */
        public MemberWeeks(String handle, String displayName, LocalDate joinedOn, LocalDate today, int weeks) {
            this.handle = handle;
            this.displayName = displayName;
            this.joinedOn = joinedOn;
            this.today = today;
            this.attempts = new long[weeks];
            this.rejections = new long[weeks];
            this.acceptances = new long[weeks];
        }

        String handle() {
            return handle;
        }

        /** Adds a day's counts, if the day is in the challenge starting {@code startsOn}. */
        void add(LocalDate startsOn, LocalDate day, long attempted, long rejected, long accepted) {
            int week = day == null ? 0 : ChallengeWeeks.weekOf(startsOn, day);
            if (week >= 1 && week <= attempts.length) {
                attempts[week - 1] += attempted;
                rejections[week - 1] += rejected;
                acceptances[week - 1] += accepted;
            }
        }

        /** Adds a counted fact, if it is one the challenge counts: in its window and its goal's category. */
        public void add(ChallengeGoal goal, LocalDate startsOn, LocalDate endsOn, CountedFact fact) {
            if (fact.day().isBefore(startsOn) || fact.day().isAfter(endsOn)
                    || goal.category() != null && goal.category() != fact.category()) {
                return;
            }
            switch (fact.fact()) {
                case SENT -> add(startsOn, fact.day(), 1, 0, 0);
                case REJECTED -> add(startsOn, fact.day(), 0, 1, 0);
                case ACCEPTED -> add(startsOn, fact.day(), 0, 0, 1);
                default -> {
                }
            }
        }
    }
}
