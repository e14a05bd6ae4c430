package app.ghostresume.query.pause;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The days covered by a seeker's active pauses, as sorted, disjoint runs (overlapping or touching pauses merged),
 * so that "is this day paused" and "is every day of this period paused" are answered without walking the days.
 */
public final class PausedDays {

    public static final PausedDays NONE = new PausedDays(List.of());

    private final List<Run> runs;

    private PausedDays(List<Run> runs) {
        this.runs = runs;
    }

    public static PausedDays of(List<Pauses.Pause> pauses) {
        List<Pauses.Pause> sorted = pauses.stream()
                .filter(pause -> pause.from() != null && pause.to() != null && !pause.to().isBefore(pause.from()))
                .sorted(Comparator.comparing(Pauses.Pause::from))
                .toList();
        List<Run> runs = new ArrayList<>();
        for (Pauses.Pause pause : sorted) {
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && !pause.from().isAfter(last.to().plusDays(1))) {
                if (pause.to().isAfter(last.to())) {
                    runs.set(runs.size() - 1, new Run(last.from(), pause.to()));
                }
            }
            else {
                runs.add(new Run(pause.from(), pause.to()));
            }
        }
        return new PausedDays(List.copyOf(runs));
    }

    public boolean contains(LocalDate day) {
        return runCovering(day) != null;
    }

    /** Every day from {@code from} to {@code to} (both included) is paused. */
    public boolean coversAll(LocalDate from, LocalDate to) {
        Run run = runCovering(from);
        return run != null && !run.to().isBefore(to);
    }

    /** At least one day from {@code from} to {@code to} (both included) is paused. */
    public boolean coversAny(LocalDate from, LocalDate to) {
        for (Run run : runs) {
            if (!run.from().isAfter(to) && !run.to().isBefore(from)) {
                return true;
            }
        }
        return false;
    }

    private Run runCovering(LocalDate day) {
        int low = 0;
        int high = runs.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Run run = runs.get(middle);
            if (run.to().isBefore(day)) {
                low = middle + 1;
            }
            else if (run.from().isAfter(day)) {
                high = middle - 1;
            }
            else {
                return run;
            }
        }
        return null;
    }

    private record Run(LocalDate from, LocalDate to) {
    }
}
