package app.ghostresume.command.attempt;

import app.ghostresume.command.platform.RuleViolation;

/**
 * A command that breaks one of an attempt's rules; its {@link RuleViolation.Kind} decides how the caller hears of it.
 */
public final class AttemptRuleViolation extends RuleViolation {

    static final String SUBJECT = "attempt";

    private AttemptRuleViolation(Kind kind, String field, String problemType, String title, String message) {
        super(kind, field, problemType, title, message);
    }

    static AttemptRuleViolation notFound() {
        return new AttemptRuleViolation(Kind.NOT_FOUND, null, "not-found", "Not found",
                RuleViolation.notFoundDetail(SUBJECT));
    }

    static AttemptRuleViolation conflict(String message) {
        return new AttemptRuleViolation(Kind.CONFLICT, null, "attempt-state-conflict",
                "Not possible in the attempt's current state", message);
    }

    static AttemptRuleViolation notShareable(String message) {
        return new AttemptRuleViolation(Kind.UNPROCESSABLE, null, "not-shareable", "Not shareable", message);
    }

    public static AttemptRuleViolation invalid(String field, String message) {
        return new AttemptRuleViolation(Kind.INVALID, field, "rule-violation", "The request breaks a rule", message);
    }
}
