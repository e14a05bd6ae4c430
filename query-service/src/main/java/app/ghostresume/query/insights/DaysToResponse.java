package app.ghostresume.query.insights;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.query.board.BoardRow;

/** How long answers take, per category: median days from sending to a rejection, to an acceptance, to either. */
final class DaysToResponse implements Question {

    @Override
    public Table answer(CommunityHistory history, Privacy privacy) {
        Map<Category, Cell> all = new EnumMap<>(Category.class);
        Map<Category, Cell> rejections = new EnumMap<>(Category.class);
        Map<Category, Cell> acceptances = new EnumMap<>(Category.class);
        history.attemptsBySeeker().forEach((seeker, rows) -> {
            for (BoardRow row : rows) {
                if (row.category() == null || row.sentOn() == null || row.outcomeOn() == null) {
                    continue;
                }
                long days = row.outcomeOn().toEpochDay() - row.sentOn().toEpochDay();
                if (row.status() == AttemptStatus.REJECTED) {
                    rejections.computeIfAbsent(row.category(), c -> new Cell()).add(seeker, days);
                }
                else if (row.status() == AttemptStatus.ACCEPTED) {
                    acceptances.computeIfAbsent(row.category(), c -> new Cell()).add(seeker, days);
                }
                else {
                    continue;
                }
                all.computeIfAbsent(row.category(), c -> new Cell()).add(seeker, days);
            }
        });
        List<List<Object>> rows = new ArrayList<>();
        int suppressed = 0;
        for (Map.Entry<Category, Cell> category : all.entrySet()) {
            Cell either = category.getValue();
            if (!privacy.shows(either.seekers.size())) {
                suppressed++;
                continue;
            }
            rows.add(new ArrayList<>(List.of(category.getKey().name(), (long) either.seekers.size(),
                    (long) either.days.size(), either.median())));
            rows.get(rows.size() - 1).add(median(rejections.get(category.getKey()), privacy));
            rows.get(rows.size() - 1).add(median(acceptances.get(category.getKey()), privacy));
        }
        return new Table("days-to-response", "Days to a response",
                "How many days does an answer take, in each category?",
                List.of("category", "seekers", "responses", "median days", "median days to a rejection",
                        "median days to an acceptance"),
                rows, suppressed, 3);
    }

    private static Double median(Cell cell, Privacy privacy) {
        return cell == null ? null : privacy.shown(cell.seekers.size(), cell.median());
    }

    private static final class Cell {

        private final Set<UUID> seekers = new HashSet<>();
        private final List<Long> days = new ArrayList<>();

        void add(UUID seeker, long value) {
            seekers.add(seeker);
            days.add(value);
        }

        Double median() {
            return Percentiles.of(days.stream().sorted().toList(), 0.5);
        }
    }
}
