package app.ghostresume.command;

import java.util.Objects;

import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.command.platform.RuleViolation;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

/**
 * The one expectation on {@link RuleViolation}s, for aggregate fixtures and plain calls alike: the violation's
 * {@link ProblemType}, and the request field at fault when it names one; a fixture also records no events.
 */
public final class RuleViolations {

    private RuleViolations() {
    }

    /** A violation of {@code type} naming {@code field} ({@code null} for none). */
    public static Matcher<RuleViolation> violation(ProblemType type, String field) {
        return new CustomTypeSafeMatcher<>(type + (field == null ? "" : " of " + field)) {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.type() == type && Objects.equals(violation.field(), field);
            }
        };
    }

    public static void expectViolation(ResultValidator<?> result, ProblemType type) {
        expect(result, violation(type, null));
    }

    public static void expectInvalid(ResultValidator<?> result, String field) {
        expect(result, violation(ProblemType.RULE_VIOLATION, field));
    }

    public static void expectNotFound(ResultValidator<?> result) {
        expect(result, violation(ProblemType.NOT_FOUND, null));
    }

    private static void expect(ResultValidator<?> result, Matcher<RuleViolation> violation) {
        result.expectNoEvents();
        result.expectException(violation);
    }
}
