package app.ghostresume.command.seeker;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.command.platform.Addressed;
import app.ghostresume.command.platform.Subject;
import app.ghostresume.events.Category;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What a seeker changes about themselves. Each carries {@code today} in the seeker's time zone, against which
 * dates are checked; the acting seeker is the aggregate, so nobody acts on another seeker.
 */
final class SeekerCommands {

    private SeekerCommands() {
    }

    /** A command about a seeker: not finding it is a missing {@link Subject#SEEKER}. */
    interface SeekerCommand extends Addressed {

        @Override
        default Subject subject() {
            return Subject.SEEKER;
        }
    }

    record SchedulePause(@TargetAggregateIdentifier UUID seekerId, UUID pauseId, LocalDate today, LocalDate from,
            LocalDate to, String reason) implements SeekerCommand {
    }

    record CancelPause(@TargetAggregateIdentifier UUID seekerId, UUID pauseId) implements SeekerCommand {
    }

    /** The categories listed override the defaults; the rest take them (PUT semantics). */
    record ChangeSettings(@TargetAggregateIdentifier UUID seekerId, Map<Category, Integer> ghostingDays,
            Map<Category, Integer> followUpDays) implements SeekerCommand {
    }

    /** What others may see of the seeker; choosing what is already chosen records nothing. */
    record ChangeProfile(@TargetAggregateIdentifier UUID seekerId, boolean publicGhostResume) implements SeekerCommand {
    }

    /** The seeker erases their account: their last command. */
    record EraseSeeker(@TargetAggregateIdentifier UUID seekerId, LocalDate today) implements SeekerCommand {
    }
}
