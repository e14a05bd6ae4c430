package app.ghostresume.command.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.security.web.ProblemTypes;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details of a {@link ProblemType}, so clients can branch on the type rather than on the wording
 * of {@code detail}.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        return problem;
    }

    /** A problem with the request fields that caused it, each {@code {field, message}}. */
    public static ProblemDetail fieldProblem(ProblemType type, String detail, List<FieldError> errors) {
        ProblemDetail problem = problem(type, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * A problem for a status that has no type of its own here (one the framework or the container refused), named
     * after the status ({@link ProblemTypes#slugOfStatus}).
     */
    public static ProblemDetail ofStatus(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.type(ProblemTypes.slugOfStatus(status.value())));
        problem.setTitle(title);
        return problem;
    }

    /**
     * Writes a problem straight to a servlet response, for filters that run outside Spring MVC (which
     * renders problems itself).
     */
    public static void write(JsonMapper json, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()
                && !response.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        json.writeValue(response.getOutputStream(), body);
    }

    public record FieldError(String field, String message) {
    }

    /** Thrown anywhere to answer with a problem. */
    public static class ProblemException extends ErrorResponseException {

        public ProblemException(ProblemType type, String detail) {
            super(type.status(), problem(type, detail), null);
        }

        /** The same problem, telling the client when to try again ({@code Retry-After}, whole seconds). */
        public ProblemException retryAfter(java.time.Duration wait) {
            getHeaders().set(HttpHeaders.RETRY_AFTER,
                    String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000)));
            return this;
        }
    }
}
