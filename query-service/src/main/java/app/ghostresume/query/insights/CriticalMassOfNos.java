package app.ghostresume.query.insights;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.Category;
import app.ghostresume.query.board.BoardRow;
import app.ghostresume.query.ghostresume.GhostResumeFold;
import app.ghostresume.query.ghostresume.GhostResumeView;

/**
 * How many rejections come before a first acceptance, per category: for each seeker with an acceptance in it, the
 * rejections of their first ghost-résumé chapter there ({@link GhostResumeFold}), then the distribution, median and
 * 90th percentile over those seekers ({@link Privacy#percentile}, {@link Privacy#parts}).
 */
final class CriticalMassOfNos implements Question {

    /** The distribution's buckets: at least {@code FROM[i]} rejections, fewer than {@code FROM[i + 1]}. */
    private static final int[] FROM = { 0, 1, 5, 10, 20, 50 };
    private static final List<String> BUCKETS = List.of("0", "1-4", "5-9", "10-19", "20-49", "50+");

    @Override
    public Table answer(CommunityHistory history, Privacy privacy) {
        Map<Category, List<Long>> before = new EnumMap<>(Category.class);
        for (Map.Entry<UUID, List<BoardRow>> seeker : history.attemptsBySeeker().entrySet()) {
            GhostResumeView.Own resume = GhostResumeFold.of(seeker.getValue().stream()
                    .map(row -> new GhostResumeFold.Decided(row.attemptId(), row.category(), null, null,
                            row.status(), row.sentOn(), row.outcomeOn()))
                    .toList());
            Map<Category, Long> first = new EnumMap<>(Category.class);
            for (GhostResumeView.Chapter chapter : resume.chapters()) {
                first.putIfAbsent(chapter.category(), chapter.rejections());
            }
            first.forEach((category, rejections) -> before.computeIfAbsent(category, c -> new ArrayList<>())
                    .add(rejections));
        }
        List<String> columns = new ArrayList<>(List.of("category", "seekers", "median", "p90"));
        BUCKETS.forEach(bucket -> columns.add("seekers with " + bucket));
        List<List<Object>> rows = new ArrayList<>();
        int suppressed = 0;
        for (Map.Entry<Category, List<Long>> category : before.entrySet()) {
            List<Long> sorted = category.getValue().stream().sorted().toList();
            if (!privacy.shows(sorted.size())) {
                suppressed++;
                continue;
            }
            List<Object> row = new ArrayList<>(List.of(category.getKey().name(), (long) sorted.size()));
            row.add(privacy.percentile(sorted, 0.5));
            row.add(privacy.percentile(sorted, 0.9));
            List<Long> buckets = new ArrayList<>();
            for (int b = 0; b < FROM.length; b++) {
                int from = FROM[b];
                int to = b + 1 < FROM.length ? FROM[b + 1] : Integer.MAX_VALUE;
                buckets.add(sorted.stream().filter(n -> n >= from && n < to).count());
            }
            row.addAll(privacy.parts(buckets));
            rows.add(row);
        }
        return new Table("critical-mass-of-nos", "The critical mass of nos",
                "How many rejections come before a first acceptance, in each category?", columns, rows, suppressed, 2);
    }
}
