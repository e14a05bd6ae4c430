package app.ghostresume.query.platform;

import java.util.List;

/** An error a handler or interceptor reports to the client as {@code application/problem+json}. */
public class ApiProblem extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;

    private ApiProblem(ProblemType type, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
    }

    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(ProblemType.VALIDATION, "Invalid " + field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ApiProblem malformed(String detail) {
        return new ApiProblem(ProblemType.MALFORMED_REQUEST, detail, List.of());
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(ProblemType.NOT_FOUND, detail, List.of());
    }

    public static ApiProblem rebuildInProgress(String detail) {
        return new ApiProblem(ProblemType.REBUILD_IN_PROGRESS, detail, List.of());
    }

    public static ApiProblem notYetConsistent(String detail) {
        return new ApiProblem(ProblemType.NOT_YET_CONSISTENT, detail, List.of());
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** What is wrong with one request parameter. */
    public record FieldError(String field, String message) {
    }
}
