package app.ghostresume.command;

import java.util.Objects;

import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.command.platform.RuleViolation.Kind;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.CustomTypeSafeMatcher;

/** Expectations on {@link RuleViolation}s for aggregate fixtures: no events, and the violation's kind and field. */
public final class RuleViolations {

    private RuleViolations() {
    }

    public static void expectInvalid(ResultValidator<?> result, String field) {
        expect(result, Kind.INVALID, field, "rule-violation");
    }

    /** @param problemType the conflict's problem type, e.g. {@code pause-overlap} */
    public static void expectConflict(ResultValidator<?> result, String problemType) {
        expect(result, Kind.CONFLICT, null, problemType);
    }

    public static void expectNotFound(ResultValidator<?> result) {
        expect(result, Kind.NOT_FOUND, null, "not-found");
    }

    private static void expect(ResultValidator<?> result, Kind kind, String field, String problemType) {
        result.expectNoEvents();
        result.expectException(new CustomTypeSafeMatcher<RuleViolation>(kind + " " + problemType + " of " + field) {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.kind() == kind && Objects.equals(violation.field(), field)
                        && violation.problemType().equals(problemType);
            }
        });
    }
}
