package app.ghostresume.query.platform;

import java.net.URI;

import app.ghostresume.security.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The kinds of error this API answers with, each with a stable RFC 9457 {@code type} URI. */
public enum ProblemType {

    VALIDATION(HttpStatus.BAD_REQUEST, "validation", "Invalid request"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    REBUILD_IN_PROGRESS(HttpStatus.CONFLICT, "rebuild-in-progress", "A rebuild is in progress"),
    NOT_YET_CONSISTENT(HttpStatus.SERVICE_UNAVAILABLE, "not-yet-consistent", "Not yet consistent"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-waits", "Too many waiting reads"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error");

    private final HttpStatus status;
    private final URI type;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.type = ProblemTypes.type(slug);
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** Whether the client should simply try again in a moment. */
    public boolean isTemporary() {
        return status == HttpStatus.SERVICE_UNAVAILABLE;
    }

    ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
