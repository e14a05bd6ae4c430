package app.ghostresume.command.platform;

/**
 * A command that breaks one of an aggregate's rules; {@link Kind} decides how the caller hears of it: as a
 * missing {@code subject} (404, worded exactly like an unknown id, so it reveals nothing), as a conflict with the
 * aggregate's state (409, with its own problem type), as an invalid value of a request field (422), as a request
 * that cannot apply to what it names (422, with its own problem type), or as something the caller may see but not
 * do (403, with its own problem type).
 */
public class RuleViolation extends RuntimeException {

    /** How a violation is answered: a missing aggregate, a conflict with its state, or an invalid value. */
    public enum Kind {
        NOT_FOUND, CONFLICT, INVALID, UNPROCESSABLE, FORBIDDEN
    }

    private final Kind kind;
    private final String field;
    private final String problemType;
    private final String title;

    protected RuleViolation(Kind kind, String field, String problemType, String title, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
        this.problemType = problemType;
        this.title = title;
    }

    /** @param subject what is missing, as a word: "goal", "pause", "challenge" */
    public static RuleViolation notFound(String subject) {
        return new RuleViolation(Kind.NOT_FOUND, null, "not-found", "Not found", notFoundDetail(subject));
    }

    /** @param problemType the stable problem type clients branch on, e.g. {@code goal-state-conflict} */
    public static RuleViolation conflict(String problemType, String title, String message) {
        return new RuleViolation(Kind.CONFLICT, null, problemType, title, message);
    }

    public static RuleViolation invalid(String field, String message) {
        return new RuleViolation(Kind.INVALID, field, "rule-violation", "The request breaks a rule", message);
    }

    /**
     * A well-formed request that cannot apply to what it names (422), e.g. sharing an attempt still waiting.
     *
     * @param problemType the stable problem type clients branch on, e.g. {@code not-shareable}
     */
    public static RuleViolation unprocessable(String problemType, String title, String message) {
        return new RuleViolation(Kind.UNPROCESSABLE, null, problemType, title, message);
    }

    /**
     * Something the caller can see but may not do (403). Only for things the caller may know exist: anything
     * else is {@link #notFound}.
     */
    public static RuleViolation forbidden(String problemType, String title, String message) {
        return new RuleViolation(Kind.FORBIDDEN, null, problemType, title, message);
    }

    /** The one wording of "not found" for a subject, shared with unknown ids so the two cannot be told apart. */
    public static String notFoundDetail(String subject) {
        return "No such " + subject + ".";
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, for {@link Kind#INVALID}. */
    public String field() {
        return field;
    }

    /** The problem type's last segment, e.g. {@code not-found}, {@code challenge-full}, {@code rule-violation}. */
    public String problemType() {
        return problemType;
    }

    public String title() {
        return title;
    }
}
