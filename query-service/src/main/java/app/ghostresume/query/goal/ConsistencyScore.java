package app.ghostresume.query.goal;

/**
 * How steadily a goal is met, 0 to 100, in the manner of Loop Habit Tracker's habit score: an exponential
 * smoothing over the goal's periods, oldest first, that forgives a single miss after a good run but rewards
 * keeping at it.
 * <p>
 * Each counted period contributes its value {@code v = min(1, count / target)} (1 when the target is 0 or less).
 * Starting from {@code score = 0}, each period in turn gives {@code score = score · m + v · (1 − m)} with
 * {@code m = 0.5^(1/4)} ≈ 0.8409: a period's weight halves every four periods (half-life 4). One miss after a long
 * run of met periods costs about 16 points (1 − m), not the whole score. The result is {@code round(100 · score)}.
 * <p>
 * Counted periods are the ended ones that were not PAUSED, plus the open one only once it is met (an open period
 * that is not met yet is no failure).
 */
final class ConsistencyScore {

    /** The multiplier of the previous score: {@code 0.5^(1/4)}, a half-life of four periods. */
    static final double MULTIPLIER = Math.pow(0.5, 1.0 / 4.0);

    private double score;

    /** A period's value: how much of its target it reached, at most 1. */
    static double value(long count, int target) {
        return target <= 0 ? 1.0 : Math.min(1.0, (double) count / target);
    }

    /** Adds the next counted period, oldest first. */
    void add(long count, int target) {
        score = score * MULTIPLIER + value(count, target) * (1 - MULTIPLIER);
    }

    /** The score, 0 to 100. */
    int percent() {
        return (int) Math.round(100 * score);
    }
}
