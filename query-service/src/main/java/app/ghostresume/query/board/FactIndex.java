package app.ghostresume.query.board;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.ghostresume.events.Category;
import app.ghostresume.events.DateRange;
import app.ghostresume.events.GoalMetric;

/**
 * A seeker's counted facts sorted by day, per fact and per fact and category, so that a count over any days is two
 * binary searches: a goal judged over ten years of weekly periods costs what a week's does.
 */
public final class FactIndex {

    private final Map<CountedFact.Fact, long[]> byFact = new HashMap<>();
    private final Map<CountedFact.Fact, Map<Category, long[]>> byFactAndCategory = new HashMap<>();

    public FactIndex(Collection<CountedFact> facts) {
        Map<CountedFact.Fact, List<Long>> days = new HashMap<>();
        Map<CountedFact.Fact, Map<Category, List<Long>>> daysByCategory = new HashMap<>();
        for (CountedFact fact : facts) {
            long day = fact.day().toEpochDay();
            days.computeIfAbsent(fact.fact(), f -> new ArrayList<>()).add(day);
            if (fact.category() != null) {
                daysByCategory.computeIfAbsent(fact.fact(), f -> new HashMap<>())
                        .computeIfAbsent(fact.category(), c -> new ArrayList<>()).add(day);
            }
        }
        days.forEach((fact, list) -> byFact.put(fact, sorted(list)));
        daysByCategory.forEach((fact, categories) -> categories.forEach((category, list) -> byFactAndCategory
                .computeIfAbsent(fact, f -> new HashMap<>()).put(category, sorted(list))));
    }

    /** The facts of the metric in the category ({@code null}: any) from the range's start to its end or {@code upTo}. */
    public long count(GoalMetric metric, Category category, DateRange range, LocalDate upTo) {
        LocalDate last = range.end().isAfter(upTo) ? upTo : range.end();
        return count(fact(metric), category, range.start(), last);
    }

    /** The facts of a kind in the category ({@code null}: any) from {@code from} to {@code to}, both included. */
    public long count(CountedFact.Fact fact, Category category, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return 0;
        }
        long[] days = category == null ? byFact.get(fact)
                : byFactAndCategory.getOrDefault(fact, Map.of()).get(category);
        if (days == null) {
            return 0;
        }
        return firstAfter(days, to.toEpochDay()) - firstAfter(days, from.toEpochDay() - 1);
    }

    public static CountedFact.Fact fact(GoalMetric metric) {
        return switch (metric) {
            case ATTEMPTS -> CountedFact.Fact.SENT;
            case REJECTIONS -> CountedFact.Fact.REJECTED;
            case ACCEPTANCES -> CountedFact.Fact.ACCEPTED;
        };
    }

    private static long[] sorted(List<Long> days) {
        long[] array = days.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    /** The index of the first day after {@code day}. */
    private static int firstAfter(long[] days, long day) {
        int low = 0;
        int high = days.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (days[middle] <= day) {
                low = middle + 1;
            }
            else {
                high = middle;
            }
        }
        return low;
    }
}
