package app.ghostresume.command.seeker;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.Category;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What a seeker changes about themselves. Each carries {@code today} in the seeker's time zone, against which
 * dates are checked; the acting seeker is the aggregate, so nobody acts on another seeker.
 */
final class SeekerCommands {

    private SeekerCommands() {
    }

    record SchedulePause(@TargetAggregateIdentifier UUID seekerId, UUID pauseId, LocalDate today, LocalDate from,
            LocalDate to, String reason) {
    }

    record CancelPause(@TargetAggregateIdentifier UUID seekerId, UUID pauseId) {
    }

    /** The categories listed override the defaults; the rest take them (PUT semantics). */
    record ChangeSettings(@TargetAggregateIdentifier UUID seekerId, Map<Category, Integer> ghostingDays,
            Map<Category, Integer> followUpDays) {
    }

    /** What others may see of the seeker; choosing what is already chosen records nothing. */
    record ChangeProfile(@TargetAggregateIdentifier UUID seekerId, boolean publicGhostResume) {
    }
}
