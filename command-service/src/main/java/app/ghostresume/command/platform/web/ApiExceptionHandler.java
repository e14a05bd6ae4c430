package app.ghostresume.command.platform.web;

import java.util.List;
import java.util.stream.Collectors;

import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.command.platform.web.Problems.FieldError;
import app.ghostresume.security.web.ProblemTypes;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import org.apache.tomcat.util.http.InvalidParameterException;
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
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure into an RFC 9457 problem of a {@link ProblemType}: field errors for bad input, 404 for
 * attempts, goals, pauses, challenges and shares the caller may not see (a command whose aggregate is not there
 * arrives here as the missing subject it names), 403 for what they see but may not do, 409 for conflicts with
 * their state, 503 while the database is unreachable.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation violation) {
        if (violation.field() != null) {
            return Problems.fieldProblem(violation.type(), violation.describe(),
                    List.of(new FieldError(violation.field(), violation.getMessage())));
        }
        return Problems.problem(violation.type(), violation.getMessage());
    }

    /**
     * Concurrent changes to one aggregate, creating one whose id exists (a late idempotent retry), or db-scheduler
     * refusing to change a deadline while it fires: a safeguard, since only cancelling or rescheduling a deadline
     * meets that refusal, and the service does neither.
     */
    @ExceptionHandler({ ConcurrencyException.class, AggregateStreamCreationException.class,
            TaskInstanceCurrentlyExecutingException.class })
    ProblemDetail concurrentChange() {
        return Problems.problem(ProblemType.CONCURRENT_CHANGE,
                "Someone else changed this at the same moment; read it again and retry.");
    }

    @ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class })
    ResponseEntity<ProblemDetail> unavailable(Exception ex) {
        log.warn("Database unavailable: {}", ex.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.problem(ProblemType.UNAVAILABLE,
                        "The service cannot reach its database; nothing was written. Retry shortly."));
    }

    /** A query string whose percent-encoding is broken ({@code ?x=%}), which Tomcat refuses to decode. */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail undecodableParameters() {
        return Problems.problem(ProblemType.MALFORMED_REQUEST,
                "The query string is not properly percent-encoded.");
    }

    /**
     * An upload whose parts do not parse (one larger than an import takes is Spring's 413, given its type as the
     * other framework problems are).
     */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableUpload() {
        return Problems.problem(ProblemType.MALFORMED_REQUEST, "The upload cannot be read as multipart/form-data.");
    }

    /** The last resort: whatever went wrong is ours, and still answered as a problem. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        log.error("Unexpected failure", ex);
        return Problems.problem(ProblemType.INTERNAL,
                "Something went wrong on our side.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        String detail = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(Problems.fieldProblem(ProblemType.VALIDATION, detail, errors));
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
            return ResponseEntity.badRequest().body(Problems.fieldProblem(ProblemType.VALIDATION,
                    field + " " + message, List.of(new FieldError(field, message))));
        }
        String detail = ex.getCause() instanceof JacksonException ? "The body is not valid JSON."
                : "The request body is missing or unreadable.";
        return ResponseEntity.badRequest()
                .body(Problems.problem(ProblemType.MALFORMED_REQUEST, detail));
    }

    /** Gives Spring's own problems (404, 405, 415 ...) a stable type too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(switch (statusCode.value()) {
                case 400 -> ProblemType.MALFORMED_REQUEST.type();
                case 401 -> ProblemType.UNAUTHENTICATED.type();
                case 403 -> ProblemType.FORBIDDEN.type();
                case 404 -> ProblemType.NOT_FOUND.type();
                case 413 -> ProblemType.TOO_LARGE.type();
                case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE.type();
                default -> ProblemTypes.type(ProblemTypes.slugOfStatus(statusCode.value()));
            });
        }
        return response;
    }
}
