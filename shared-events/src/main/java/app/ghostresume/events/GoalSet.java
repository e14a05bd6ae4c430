package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A seeker set themselves a goal, e.g. 3 PITCH rejections per WEEK, or 12 from Nov 1 to Nov 30 (CUSTOM).
 *
 * @param category {@code null} counts every category
 * @param startsOn the goal counts the whole period containing this day
 * @param endsOn last day of a CUSTOM goal (required there); for WEEK and MONTH optional, ending the goal
 *     with the period that contains it
 */
public record GoalSet(UUID goalId, UUID seekerId, GoalMetric metric, Category category, int target,
        GoalPeriod period, LocalDate startsOn, LocalDate endsOn) implements GoalEvent {

    /** None: it is about the day it was stored, in its seeker's time zone. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.empty();
    }
}
