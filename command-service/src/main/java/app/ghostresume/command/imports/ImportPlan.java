package app.ghostresume.command.imports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.command.attempt.ImportAttempt;
import app.ghostresume.command.attempt.LogRequest;
import app.ghostresume.command.platform.web.CleanText;
import app.ghostresume.command.seeker.ResponseWindows;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;

/**
 * What importing a sheet would do, row by row: the attempt each readable row becomes, or why it is refused (what the
 * API refuses of a logged attempt, and the attempt's own rules). An attempt's id derives from the seeker and what
 * makes the row that attempt (category, target, title, day sent, and the how-manieth such row it is), so importing a
 * file again names the same attempts, and creates none of them twice.
 */
final class ImportPlan {

    /** What one row becomes. */
    record Step(long line, UUID attemptId, ImportAttempt attempt, String refusal) {

        boolean refused() {
            return refusal != null;
        }
    }

    private ImportPlan() {
    }

    static List<Step> of(AttemptSheet.Sheet sheet, UUID seekerId, LocalDate today, ZoneId zone,
            ResponseWindows windows, Validator validator) {
        Map<String, Integer> seen = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        for (AttemptSheet.Row row : sheet.rows()) {
            if (!row.readable()) {
                steps.add(new Step(row.line(), null, null, row.problem()));
                continue;
            }
            AttemptSheet.Fields fields = row.fields();
            String refusal = formatProblem(fields, validator);
            String key = seekerId + "/import/" + fields.category() + "/" + AttemptSheet.normalised(nullToEmpty(
                    fields.target())) + "/" + AttemptSheet.normalised(nullToEmpty(fields.title())) + "/"
                    + fields.sentOn();
            int occurrence = seen.merge(key, 1, Integer::sum);
            UUID attemptId = UUID.nameUUIDFromBytes((key + "/" + occurrence).getBytes(StandardCharsets.UTF_8));
            ImportAttempt attempt = new ImportAttempt(attemptId, seekerId, today, zone, windows,
                    fields.category(), strip(fields.target()), strip(fields.title()), fields.notes(),
                    fields.sentOn(), fields.expectedResponseBy(), fields.status(), fields.outcomeOn(),
                    strip(fields.stage()));
            if (refusal == null) {
                refusal = attempt.refusal().orElse(null);
            }
            steps.add(new Step(row.line(), attemptId, refusal == null ? attempt : null, refusal));
        }
        return steps;
    }

    /** What the API would refuse of the attempt as logged: a missing or overlong target or title, control text. */
    private static String formatProblem(AttemptSheet.Fields fields, Validator validator) {
        LogRequest request = new LogRequest(fields.category(), fields.target(), fields.title(), fields.notes(),
                fields.sentOn(), fields.expectedResponseBy());
        List<String> problems = new ArrayList<>(validator.validate(request).stream()
                .map(violation -> column(violation) + " " + violation.getMessage()).toList());
        validator.validate(new Stage(fields.stage())).forEach(violation -> problems.add("stage "
                + violation.getMessage()));
        problems.sort(null);
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** A rejection's stage reached, held to what {@code POST /api/attempts/{id}/rejection} takes of it. */
    private record Stage(@CleanText @Size(max = LogRequest.SHORT_TEXT) String stage) {
    }

    private static String column(ConstraintViolation<LogRequest> violation) {
        return switch (violation.getPropertyPath().toString()) {
            case "sentOn" -> "sent on";
            case "expectedResponseBy" -> "expected response by";
            default -> violation.getPropertyPath().toString();
        };
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
