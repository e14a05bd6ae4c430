package app.ghostresume.command.platform;

import java.util.Objects;

/**
 * A command that breaks one of an aggregate's rules, answered as its {@link ProblemType}: a missing
 * {@link Subject} (404, worded exactly like an unknown id, so it reveals nothing), a conflict with the aggregate's
 * state (409), an invalid value of a request field (422 {@code rule-violation}, naming the field), a request that
 * cannot apply to what it names (422), or something the caller may see but not do (403).
 */
public class RuleViolation extends RuntimeException {

    private final ProblemType type;
    private final String field;

    private RuleViolation(ProblemType type, String field, String detail) {
        super(detail);
        this.type = Objects.requireNonNull(type);
        this.field = field;
    }

    /** The {@code subject} is not there for the caller: unknown, or not theirs to see. */
    public static RuleViolation notFound(Subject subject) {
        return new RuleViolation(ProblemType.NOT_FOUND, null, subject.notFoundDetail());
    }

    /** A request field's value breaks a rule. */
    public static RuleViolation invalid(String field, String message) {
        return new RuleViolation(ProblemType.RULE_VIOLATION, Objects.requireNonNull(field), message);
    }

    /**
     * Any other refusal: {@code type} says which (a conflict such as {@code goal-state-conflict}, an unprocessable
     * request such as {@code not-shareable}, a forbidden one such as {@code not-author}).
     */
    public static RuleViolation of(ProblemType type, String detail) {
        if (type == ProblemType.NOT_FOUND || type == ProblemType.RULE_VIOLATION) {
            throw new IllegalArgumentException(type + " names a subject or a field: use notFound or invalid");
        }
        return new RuleViolation(type, null, detail);
    }

    /** The violation as the API words it: {@code sentOn may not be in the future}, or the message alone. */
    public String describe() {
        return field == null ? getMessage() : field + " " + getMessage();
    }

    public ProblemType type() {
        return type;
    }

    /** The request field at fault, for {@link ProblemType#RULE_VIOLATION}; otherwise {@code null}. */
    public String field() {
        return field;
    }
}
