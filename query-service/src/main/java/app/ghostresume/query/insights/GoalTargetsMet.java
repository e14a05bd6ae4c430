package app.ghostresume.query.insights;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import app.ghostresume.events.EventEnvelope;
import app.ghostresume.query.board.BoardRow;
import app.ghostresume.query.board.FactIndex;
import app.ghostresume.query.goal.GoalReplay;
import app.ghostresume.query.goal.GoalView;
import app.ghostresume.query.goal.PeriodStatus;

/**
 * How goal targets relate to goals met: every goal judged as its page judges it ({@link GoalReplay}), its ended
 * periods that were not paused counted by metric, period and target size. Is "100 applications a week" ever met,
 * is "5 a week" met more often?
 */
final class GoalTargetsMet implements Question {

    private static final int[] FROM = { 1, 3, 6, 11, 26, 101 };
    private static final List<String> BUCKETS = List.of("1-2", "3-5", "6-10", "11-25", "26-100", "101+");

    @Override
    public Table answer(CommunityHistory history, Privacy privacy) {
        Map<UUID, List<BoardRow>> attempts = history.attemptsBySeeker();
        Map<String, Cell> cells = new TreeMap<>();
        for (Map.Entry<UUID, List<EventEnvelope>> seeker : history.goalEventsBySeeker().entrySet()) {
            FactIndex index = new FactIndex(attempts.getOrDefault(seeker.getKey(), List.of()).stream()
                    .flatMap(row -> row.countedFacts().stream()).toList());
            List<GoalView.Goal> goals = GoalReplay.judge(seeker.getValue(),
                    (metric, category, range) -> index.count(metric, category, range, history.today()),
                    history.pausedDaysOf(seeker.getKey()), history.today());
            for (GoalView.Goal goal : goals) {
                for (GoalView.Ended period : goal.history()) {
                    if (period.status() == PeriodStatus.PAUSED) {
                        continue;
                    }
                    String key = goal.metric() + " per " + goal.period() + ", target " + bucket(period.target());
                    cells.computeIfAbsent(key, k -> new Cell()).add(seeker.getKey(), goal.goalId(),
                            period.status() == PeriodStatus.MET);
                }
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        int suppressed = 0;
        for (Map.Entry<String, Cell> cell : cells.entrySet()) {
            Cell counts = cell.getValue();
            if (!privacy.shows(counts.seekers.size())) {
                suppressed++;
                continue;
            }
            rows.add(List.of(cell.getKey(), (long) counts.seekers.size(), (long) counts.goals.size(), counts.periods,
                    counts.met, Math.round(1000.0 * counts.met / counts.periods) / 1000.0));
        }
        return new Table("goal-targets-met", "Goal targets and goals met",
                "Which targets are met: how often is an ended period of a goal met, by its target?",
                List.of("goal", "seekers", "goals", "periods judged", "periods met", "share met"), rows, suppressed,
                5);
    }

    private static String bucket(int target) {
        for (int b = FROM.length - 1; b >= 0; b--) {
            if (target >= FROM[b]) {
                return BUCKETS.get(b);
            }
        }
        return BUCKETS.get(0);
    }

    private static final class Cell {

        private final Set<UUID> seekers = new HashSet<>();
        private final Set<UUID> goals = new HashSet<>();
        private long periods;
        private long met;

        void add(UUID seeker, UUID goal, boolean wasMet) {
            seekers.add(seeker);
            goals.add(goal);
            periods++;
            met += wasMet ? 1 : 0;
        }
    }
}
