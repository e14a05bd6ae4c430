package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A new target for the periods that start on or after {@code effectiveFrom}: the next period for WEEK and
 * MONTH goals (periods already begun keep theirs), the goal's start for a CUSTOM goal's single period.
 */
public record GoalTargetChanged(UUID goalId, UUID seekerId, int target, LocalDate effectiveFrom)
        implements GoalEvent {

    /** None: it is about the day it was stored, in its seeker's time zone. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.empty();
    }
}
