package app.ghostresume.command.attempt;

/** A command that breaks one of an attempt's rules; {@link Kind} decides how the caller hears of it. */
public final class AttemptRuleViolation extends RuntimeException {

    /** How a violation is answered: a missing attempt, a conflict with its state, or an invalid value. */
    public enum Kind {
        NOT_FOUND, CONFLICT, INVALID
    }

    private final Kind kind;
    private final String field;

    private AttemptRuleViolation(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    static AttemptRuleViolation notFound() {
        return new AttemptRuleViolation(Kind.NOT_FOUND, null, "No such attempt.");
    }

    static AttemptRuleViolation conflict(String message) {
        return new AttemptRuleViolation(Kind.CONFLICT, null, message);
    }

    static AttemptRuleViolation invalid(String field, String message) {
        return new AttemptRuleViolation(Kind.INVALID, field, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, for {@link Kind#INVALID}. */
    public String field() {
        return field;
    }
}
