package app.ghostresume.events;

import java.time.LocalDate;
import java.util.UUID;

/** The seeker stopped pursuing a goal. Periods that ended before {@code retiredOn} stay in its history. */
public record GoalRetired(UUID goalId, UUID seekerId, LocalDate retiredOn) implements GoalEvent {
}
