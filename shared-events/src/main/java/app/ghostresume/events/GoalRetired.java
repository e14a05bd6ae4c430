package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The seeker stopped pursuing a goal. Periods that ended before {@code retiredOn} stay in its history. */
public record GoalRetired(UUID goalId, UUID seekerId, LocalDate retiredOn) implements GoalEvent {

    /** {@code retiredOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(retiredOn);
    }
}
