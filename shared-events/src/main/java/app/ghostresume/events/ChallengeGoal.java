package app.ghostresume.events;

/**
 * What every member of a challenge aims for: {@code target} facts of {@code metric} (in {@code category}, or any
 * when {@code null}) per challenge week, or in total over the whole challenge.
 */
public record ChallengeGoal(GoalMetric metric, Category category, int target, Per per) {

    public enum Per {
        /** Challenge weeks: days 1-7 of the challenge are week 1, and so on; the last week may be short. */
        WEEK,
        TOTAL
    }
}
