package app.ghostresume.command.attempt;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import app.ghostresume.command.platform.Addressed;
import app.ghostresume.command.platform.Subject;
import app.ghostresume.command.seeker.ResponseWindows;
import app.ghostresume.events.Category;
import app.ghostresume.events.Personal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands an attempt accepts. Each carries the acting seeker, who must own the attempt, and
 * {@code today} in that seeker's time zone, against which dates are checked. Commands that set the attempt's
 * deadlines also carry the seeker's time zone and current {@link ResponseWindows}: an aggregate knows only its
 * own events, so the caller looks them up.
 */
final class AttemptCommands {

    private AttemptCommands() {
    }

    /** A command about an attempt: not finding it is a missing {@link Subject#ATTEMPT}. */
    public interface AttemptCommand extends Addressed {

        @Override
        default Subject subject() {
            return Subject.ATTEMPT;
        }
    }

    record LogAttempt(UUID attemptId, UUID seekerId, LocalDate today, ZoneId zone, ResponseWindows windows,
            Category category, String target, String title, String notes, LocalDate sentOn,
            LocalDate expectedResponseBy) implements AttemptCommand {
    }

    record AdvanceAttempt(@TargetAggregateIdentifier UUID attemptId, UUID seekerId, LocalDate today, String stage,
            LocalDate on, String notes) implements AttemptCommand {
    }

    record RecordRejection(@TargetAggregateIdentifier UUID attemptId, UUID seekerId, LocalDate today,
            LocalDate receivedOn, String stageReached, String feedback, Integer sting) implements AttemptCommand {
    }

    record RecordAcceptance(@TargetAggregateIdentifier UUID attemptId, UUID seekerId, LocalDate today,
            LocalDate receivedOn, String notes) implements AttemptCommand {
    }

    record DeclareGhosted(@TargetAggregateIdentifier UUID attemptId, UUID seekerId, LocalDate today,
            LocalDate declaredOn) implements AttemptCommand {
    }

    record WithdrawAttempt(@TargetAggregateIdentifier UUID attemptId, UUID seekerId, LocalDate today, LocalDate on,
            String reason) implements AttemptCommand {
    }

    record RecordFollowUp(@TargetAggregateIdentifier UUID attemptId, UUID seekerId, LocalDate today,
            LocalDate on) implements AttemptCommand {
    }

    /** A journal entry; at least one of the four parts must be given (blank texts count as not given). */
    record RecordReflection(@TargetAggregateIdentifier UUID attemptId, UUID seekerId, UUID reflectionId,
            LocalDate today, String whatHappened, String whatILearned, String nextTime, Personal wasItPersonal) implements AttemptCommand {
    }

    /** A {@code null} field is left as it is. */
    record CorrectAttempt(@TargetAggregateIdentifier UUID attemptId, UUID seekerId, LocalDate today, ZoneId zone,
            ResponseWindows windows, Category category, String target, String title, String notes,
            LocalDate sentOn, LocalDate expectedResponseBy) implements AttemptCommand {
    }
}
