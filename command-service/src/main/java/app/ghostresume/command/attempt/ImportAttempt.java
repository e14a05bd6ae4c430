package app.ghostresume.command.attempt;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.command.seeker.ResponseWindows;
import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;

/**
 * An attempt brought in from a spreadsheet: logged and, unless {@code outcome} is WAITING, answered in the same step,
 * so a row that breaks a rule records nothing at all. {@code outcomeOn} defaults to today; {@code stage} is the stage
 * reached, for a rejection. Like every command it carries the acting seeker, their today, time zone and windows.
 */
public record ImportAttempt(UUID attemptId, UUID seekerId, LocalDate today, ZoneId zone, ResponseWindows windows,
        Category category, String target, String title, String notes, LocalDate sentOn,
        LocalDate expectedResponseBy, AttemptStatus outcome, LocalDate outcomeOn, String stage)
        implements AttemptCommands.AttemptCommand {

    /**
     * Why the attempt's rules refuse this import, as the API words a broken rule ({@code sentOn may not be in the
     * future}); empty when it would be recorded. The same check the aggregate makes before recording anything.
     */
    public Optional<String> refusal() {
        try {
            AttemptAggregate.checkImport(this);
            return Optional.empty();
        }
        catch (RuleViolation violation) {
            return Optional.of(violation.describe());
        }
    }
}
