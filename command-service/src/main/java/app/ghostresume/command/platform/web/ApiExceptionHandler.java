package app.ghostresume.command.platform.web;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.command.platform.web.Problems.FieldError;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure into an RFC 9457 problem: field errors for bad input, 404 for attempts, goals, pauses,
 * challenges and shares the caller may not see, 403 for what they see but may not do, 409 for conflicts with their
 * state, 503 while the database is unreachable.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation violation) {
        return switch (violation.kind()) {
            case NOT_FOUND -> notFound(violation.getMessage());
            case CONFLICT -> Problems.problem(HttpStatus.CONFLICT, violation.problemType(), violation.title(),
                    violation.getMessage());
            case INVALID -> Problems.fieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, violation.problemType(),
                    violation.title(), violation.field() + " " + violation.getMessage(),
                    List.of(new FieldError(violation.field(), violation.getMessage())));
            case UNPROCESSABLE -> Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, violation.problemType(),
                    violation.title(), violation.getMessage());
            case FORBIDDEN -> Problems.problem(HttpStatus.FORBIDDEN, violation.problemType(), violation.title(),
                    violation.getMessage());
        };
    }

    /**
     * An unknown id, or the id of another kind of aggregate (a seeker's id used as an attempt's). Worded exactly
     * like a {@link RuleViolation#notFound} of the same subject, so a refusal and an unknown id look the same.
     */
    @ExceptionHandler({ AggregateNotFoundException.class, IncompatibleAggregateException.class })
    ProblemDetail aggregateNotFound(HttpServletRequest request) {
        return notFound(RuleViolation.notFoundDetail(subjectOf(request.getRequestURI())));
    }

    /**
     * Concurrent changes to one aggregate, creating one whose id exists (a late idempotent retry), or db-scheduler
     * refusing to change a deadline while it fires: a safeguard, since only cancelling or rescheduling a deadline
     * meets that refusal, and the service does neither.
     */
    @ExceptionHandler({ ConcurrencyException.class, AggregateStreamCreationException.class,
            TaskInstanceCurrentlyExecutingException.class })
    ProblemDetail concurrentChange() {
        return Problems.problem(HttpStatus.CONFLICT, "concurrent-change", "Changed concurrently",
                "Someone else changed this at the same moment; read it again and retry.");
    }

    @ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class })
    ResponseEntity<ProblemDetail> unavailable(Exception ex) {
        log.warn("Database unavailable: {}", ex.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable",
                        "The service cannot reach its database; nothing was written. Retry shortly."));
    }

    /** A query string whose percent-encoding is broken ({@code ?x=%}), which Tomcat refuses to decode. */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail undecodableParameters() {
        return Problems.problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The query string is not properly percent-encoded.");
    }

    /** The last resort: whatever went wrong is ours, and still answered as a problem. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        log.error("Unexpected failure", ex);
        return Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side.");
    }

    static ProblemDetail notFound(String detail) {
        return Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    /** What an API path names, for the wording of a 404. */
    private static String subjectOf(String path) {
        if (path.startsWith("/api/attempts")) {
            return "attempt";
        }
        if (path.startsWith("/api/goals")) {
            return "goal";
        }
        if (path.startsWith("/api/challenges")) {
            return "challenge";
        }
        if (path.startsWith("/api/me/pauses")) {
            return "pause";
        }
        if (path.startsWith("/api/shares")) {
            return "share";
        }
        return "seeker";
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        String detail = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(Problems.fieldProblem(HttpStatus.BAD_REQUEST, "validation",
                "Invalid request", detail, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String message = mismatch instanceof InvalidFormatException invalid
                    && invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                            ? "must be one of " + List.of(invalid.getTargetType().getEnumConstants())
                            : "has the wrong type or format";
            return ResponseEntity.badRequest().body(Problems.fieldProblem(HttpStatus.BAD_REQUEST, "validation",
                    "Invalid request", field + " " + message, List.of(new FieldError(field, message))));
        }
        String detail = ex.getCause() instanceof JacksonException ? "The body is not valid JSON."
                : "The request body is missing or unreadable.";
        return ResponseEntity.badRequest()
                .body(Problems.problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail));
    }

    /** Gives Spring's own problems (404, 405, 415 ...) a stable type too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create(Problems.TYPE_BASE + switch (statusCode.value()) {
                case 400 -> "malformed-request";
                case 401 -> "unauthenticated";
                case 403 -> "forbidden";
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 413 -> "too-large";
                case 415 -> "unsupported-media-type";
                default -> "error";
            }));
        }
        return response;
    }
}
