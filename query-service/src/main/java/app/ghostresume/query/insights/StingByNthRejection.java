package app.ghostresume.query.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.query.board.BoardRow;

/**
 * Whether sting falls as rejections accumulate: each seeker's rejections in the order received (by day, then the
 * day sent, then id), and the average sting of the nth of them over everyone who gave it one.
 */
final class StingByNthRejection implements Question {

    private static final int[] FROM = { 1, 2, 3, 4, 5, 6, 11, 21, 51, 101 };
    private static final List<String> BUCKETS = List.of("1st", "2nd", "3rd", "4th", "5th", "6th-10th", "11th-20th",
            "21st-50th", "51st-100th", "101st+");
    private static final Comparator<BoardRow> RECEIVED = Comparator.comparing(BoardRow::outcomeOn)
            .thenComparing(BoardRow::sentOn).thenComparing(row -> row.attemptId().toString());

    @Override
    public Table answer(CommunityHistory history, Privacy privacy) {
        List<Cell> cells = new ArrayList<>();
        BUCKETS.forEach(bucket -> cells.add(new Cell()));
        history.attemptsBySeeker().forEach((seeker, rows) -> {
            List<BoardRow> rejections = rows.stream()
                    .filter(row -> row.status() == AttemptStatus.REJECTED && row.outcomeOn() != null
                            && row.sentOn() != null)
                    .sorted(RECEIVED).toList();
            for (int n = 1; n <= rejections.size(); n++) {
                Integer sting = rejections.get(n - 1).sting();
                if (sting != null) {
                    cells.get(bucket(n)).add(seeker, sting);
                }
            }
        });
        List<List<Object>> rows = new ArrayList<>();
        int suppressed = 0;
        for (int b = 0; b < BUCKETS.size(); b++) {
            Cell cell = cells.get(b);
            if (cell.rated == 0) {
                continue;
            }
            if (!privacy.shows(cell.seekers.size())) {
                suppressed++;
                continue;
            }
            rows.add(List.of(BUCKETS.get(b) + " rejection", (long) cell.seekers.size(), cell.rated,
                    Math.round(100.0 * cell.total / cell.rated) / 100.0));
        }
        return new Table("sting-by-nth-rejection", "Does it get easier?",
                "Does the sting of a rejection fall as rejections accumulate?",
                List.of("rejection", "seekers", "rated", "average sting"), rows, suppressed, 3);
    }

    private static int bucket(int n) {
        for (int b = FROM.length - 1; b >= 0; b--) {
            if (n >= FROM[b]) {
                return b;
            }
        }
        return 0;
    }

    private static final class Cell {

        private final Set<UUID> seekers = new HashSet<>();
        private long rated;
        private long total;

        void add(UUID seeker, int sting) {
            seekers.add(seeker);
            rated++;
            total += sting;
        }
    }
}
