package app.ghostresume.query.platform;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import app.ghostresume.security.web.ProblemTypes;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into {@code application/problem+json} with one of the {@link ProblemType} URIs: bad input
 * is a 400 (never a 500), an unknown path a 404, an unreachable database a 503 the client may retry.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem ex, WebRequest request) {
        ProblemDetail problem = ex.type().problem(ex.getMessage());
        if (!ex.errors().isEmpty()) {
            problem.setProperty("errors", ex.errors());
        }
        return respond(ex.type(), problem, request);
    }

    @ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
            RecoverableDataAccessException.class, CannotCreateTransactionException.class, QueryTimeoutException.class })
    ResponseEntity<Object> databaseUnavailable(Exception ex, WebRequest request) {
        log.warn("Database unavailable: {}", ex.toString());
        return respond(ProblemType.UNAVAILABLE,
                ProblemType.UNAVAILABLE.problem("The read models cannot be reached right now; try again shortly."),
                request);
    }

    /** A query string whose percent-encoding is broken ({@code ?x=%}), which Tomcat refuses to decode. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodableParameters(WebRequest request) {
        return respond(ProblemType.MALFORMED_REQUEST,
                ProblemType.MALFORMED_REQUEST.problem("The query string is not properly percent-encoded."), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error", ex);
        return respond(ProblemType.INTERNAL, ProblemType.INTERNAL.problem("Something went wrong on our side."),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : String.valueOf(ex.getPropertyName());
        return validation(List.of(new ApiProblem.FieldError(field, expectation(ex.getRequiredType()))), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validation(List.of(new ApiProblem.FieldError(ex.getParameterName(), "is required")), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiProblem.FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new ApiProblem.FieldError(result.getMethodParameter().getParameterName(),
                                message(error))))
                .toList();
        return validation(errors, request);
    }

    /** Framework-made problems get this API's type URIs too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            if (statusCode.value() == HttpStatus.NOT_FOUND.value()) {
                problem.setType(ProblemType.NOT_FOUND.type());
                problem.setTitle(ProblemType.NOT_FOUND.title());
            }
            else if (statusCode.value() == HttpStatus.BAD_REQUEST.value()) {
                problem.setType(ProblemType.MALFORMED_REQUEST.type());
                problem.setTitle(ProblemType.MALFORMED_REQUEST.title());
            }
            else {
                // 405, 406, 415 ...: a type named after the status, as for the container's own refusals
                problem.setType(ProblemTypes.type(ProblemTypes.slugOfStatus(statusCode.value())));
            }
        }
        return response;
    }

    private ResponseEntity<Object> validation(List<ApiProblem.FieldError> errors, WebRequest request) {
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("The request is not valid.");
        ProblemDetail problem = ProblemType.VALIDATION.problem(detail);
        problem.setProperty("errors", errors);
        return respond(ProblemType.VALIDATION, problem, request);
    }

    private ResponseEntity<Object> respond(ProblemType type, ProblemDetail problem, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (type.isTemporary()) {
            headers.set(HttpHeaders.RETRY_AFTER, "1");
        }
        return createResponseEntity(problem, headers, type.status(), request);
    }

    private static String expectation(Class<?> requiredType) {
        if (requiredType != null && requiredType.isEnum()) {
            return "must be one of " + Arrays.toString(requiredType.getEnumConstants());
        }
        if (LocalDate.class.equals(requiredType)) {
            return "must be an ISO date (yyyy-mm-dd)";
        }
        if (requiredType != null && (requiredType == int.class || requiredType == Integer.class)) {
            return "must be a whole number";
        }
        return "has an invalid value";
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() != null ? error.getDefaultMessage() : "is invalid";
    }
}
