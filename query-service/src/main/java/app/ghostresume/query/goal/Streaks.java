package app.ghostresume.query.goal;

import java.time.LocalDate;
import java.util.NavigableSet;

import app.ghostresume.query.pause.PausedDays;

/**
 * Streak arithmetic. Paused periods and paused days neither break nor extend a streak; what is still open (the
 * current period, today) can extend one but never breaks it.
 */
public final class Streaks {

    private Streaks() {
    }

    /**
     * A goal's streak over its periods, oldest first: {@code current} is the run of MET periods ending at the
     * latest ended period, or at the open one if it is already met; {@code longest} the longest run ever (the
     * met open period included). PAUSED periods are skipped; a MISSED one ends a run.
     */
    static Streak ofGoal(Iterable<PeriodStatus> ended, boolean openPeriodMet) {
        Run run = new Run();
        for (PeriodStatus status : ended) {
            if (status == PeriodStatus.MET) {
                run.extend();
            }
            else if (status == PeriodStatus.MISSED) {
                run.breakOff();
            }
        }
        if (openPeriodMet) {
            run.extend();
        }
        return new Streak(run.current, run.longest);
    }

    /**
     * Consecutive days with at least one fact ({@code activeDays}, sorted). Today is still open: without activity
     * it does not break the streak, which then ends yesterday. Paused days are skipped: activity on them does not
     * extend a streak and their lack of it does not break one.
     */
    public static Activity ofActivity(NavigableSet<LocalDate> activeDays, PausedDays paused, LocalDate today) {
        if (activeDays.isEmpty()) {
            return new Activity(0, 0, null);
        }
        Run run = new Run();
        for (LocalDate day = activeDays.first(); !day.isAfter(today); day = day.plusDays(1)) {
            if (paused.contains(day)) {
                continue;
            }
            if (activeDays.contains(day)) {
                run.extend();
            }
            else if (!day.equals(today)) {
                run.breakOff();
            }
        }
        return new Activity(run.current, run.longest, activeDays.last());
    }

    /** A goal's streak, in periods. */
    public record Streak(int current, int longest) {
    }

    /** The activity streak, in days, and the last day with a fact. */
    public record Activity(int current, int longest, LocalDate lastActiveOn) {
    }

    private static final class Run {

        private int current;
        private int longest;

        void extend() {
            current++;
            longest = Math.max(longest, current);
        }

        void breakOff() {
            current = 0;
        }
    }
}
