package app.ghostresume.events;

/**
 * How a goal is cut into periods, in the seeker's time zone: ISO weeks (Monday to Sunday), calendar months, or
 * one custom window from the goal's start to its end.
 */
public enum GoalPeriod {
    WEEK,
    MONTH,
    CUSTOM
}
