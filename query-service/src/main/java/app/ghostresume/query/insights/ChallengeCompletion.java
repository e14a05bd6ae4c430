package app.ghostresume.query.insights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import app.ghostresume.events.ChallengeCreated;
import app.ghostresume.events.ChallengeWeeks;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.query.board.BoardRow;
import app.ghostresume.query.board.CountedFact;
import app.ghostresume.query.challenge.ChallengeTable;
import app.ghostresume.query.challenge.ChallengeView;
import app.ghostresume.query.report.ChallengeHistory;

/**
 * How many finish what they set out to do together: of each challenge that has ended, the members of its last day
 * and those of them who met its goal (by its table, {@link ChallengeTable}), by the kind of goal.
 */
final class ChallengeCompletion implements Question {

    @Override
    public Table answer(CommunityHistory history, Privacy privacy) {
        Map<UUID, List<BoardRow>> attempts = history.attemptsBySeeker();
        Map<String, Cell> cells = new TreeMap<>();
        for (List<EventEnvelope> events : history.challenges()) {
            UUID challengeId = ((app.ghostresume.events.ChallengeEvent) events.get(0).payload()).challengeId();
            ChallengeHistory challenge = ChallengeHistory.of(challengeId, events).orElse(null);
            if (challenge == null || !challenge.created().endsOn().isBefore(history.today())) {
                continue;
            }
            ChallengeCreated created = challenge.created();
            List<ChallengeWeeks.Week> weeks = ChallengeWeeks.of(created.startsOn(), created.endsOn());
            List<ChallengeTable.MemberWeeks> members = new ArrayList<>();
            for (Map.Entry<UUID, LocalDate> member : challenge.membersOnLastDay().entrySet()) {
                if (history.isErased(member.getKey())) {
                    continue;
                }
                // the member's id stands in for a handle: the table is never shown, only counted
                ChallengeTable.MemberWeeks counts = new ChallengeTable.MemberWeeks(member.getKey().toString(), null,
                        member.getValue(), history.today(), weeks.size());
                for (BoardRow row : attempts.getOrDefault(member.getKey(), List.of())) {
                    for (CountedFact fact : row.countedFacts()) {
                        counts.add(created.goal(), created.startsOn(), created.endsOn(), fact);
                    }
                }
                members.add(counts);
            }
            List<ChallengeView.Member> table = ChallengeTable.of(created.goal(), weeks, members).members();
            String key = created.goal().metric() + " per " + created.goal().per();
            Cell cell = cells.computeIfAbsent(key, k -> new Cell());
            cell.challenges++;
            for (ChallengeView.Member member : table) {
                cell.add(UUID.fromString(member.handle()), ChallengeTable.metGoal(created.goal(), weeks.size(),
                        member));
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        int suppressed = 0;
        for (Map.Entry<String, Cell> entry : cells.entrySet()) {
            Cell cell = entry.getValue();
            if (!privacy.shows(cell.seekers.size())) {
                suppressed++;
                continue;
            }
            rows.add(List.of(entry.getKey(), (long) cell.seekers.size(), cell.challenges, cell.memberships,
                    cell.met, Math.round(1000.0 * cell.met / cell.memberships) / 1000.0));
        }
        return new Table("challenge-completion", "Challenge completion",
                "Of the members on a challenge's last day, how many met its goal?",
                List.of("goal", "seekers", "challenges", "memberships", "met the goal", "share met"), rows,
                suppressed, 5);
    }

    private static final class Cell {

        private final Set<UUID> seekers = new HashSet<>();
        private long challenges;
        private long memberships;
        private long met;

        void add(UUID seeker, boolean wasMet) {
            seekers.add(seeker);
            memberships++;
            met += wasMet ? 1 : 0;
        }
    }
}
