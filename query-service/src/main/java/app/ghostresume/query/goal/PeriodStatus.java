package app.ghostresume.query.goal;

/** How an ended goal period came out. */
public enum PeriodStatus {
    MET,
    MISSED,
    /** Paused: neither breaks nor extends a streak, and is left out of the consistency score. */
    PAUSED;

    /**
     * PAUSED if every day of the period was paused; else MET if {@code count} reached {@code target}; else PAUSED
     * if any of its days was paused (a holiday forgives a miss); else MISSED.
     */
    static PeriodStatus of(long count, int target, boolean allDaysPaused, boolean anyDayPaused) {
        if (allDaysPaused) {
            return PAUSED;
        }
        if (count >= target) {
            return MET;
        }
        return anyDayPaused ? PAUSED : MISSED;
    }
}
