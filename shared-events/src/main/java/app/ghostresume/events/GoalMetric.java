package app.ghostresume.events;

/**
 * What a goal or challenge counts, each fact on its own date: attempts by the day they were sent, rejections
 * and acceptances by the day they were received.
 */
public enum GoalMetric {
    REJECTIONS,
    ATTEMPTS,
    ACCEPTANCES
}
