package app.ghostresume.command.platform;

import java.net.URI;

import app.ghostresume.security.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * The kinds of error the command API answers with: each a stable RFC 9457 {@code type} URI (which clients branch
 * on, rather than on the wording of {@code detail}), its status and its title. The one place a problem type of this
 * service is named.
 */
public enum ProblemType {

    VALIDATION(HttpStatus.BAD_REQUEST, "validation", "Invalid request"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated"),
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden"),
    WRONG_PASSWORD(HttpStatus.FORBIDDEN, "wrong-password", "Wrong password"),
    NOT_AUTHOR(HttpStatus.FORBIDDEN, "not-author", "Not the author"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    CONCURRENT_CHANGE(HttpStatus.CONFLICT, "concurrent-change", "Changed concurrently"),
    REQUEST_IN_PROGRESS(HttpStatus.CONFLICT, "request-in-progress", "Request in progress"),
    HANDLE_TAKEN(HttpStatus.CONFLICT, "handle-taken", "Handle taken"),
    ATTEMPT_STATE_CONFLICT(HttpStatus.CONFLICT, "attempt-state-conflict", "Not possible in the attempt's current state"),
    GOAL_STATE_CONFLICT(HttpStatus.CONFLICT, "goal-state-conflict", "Not possible in the goal's current state"),
    TOO_MANY_GOALS(HttpStatus.CONFLICT, "too-many-goals", "Too many goals"),
    PAUSE_OVERLAP(HttpStatus.CONFLICT, "pause-overlap", "Overlaps another pause"),
    CHALLENGE_CLOSED(HttpStatus.CONFLICT, "challenge-closed", "Challenge over"),
    ALREADY_MEMBER(HttpStatus.CONFLICT, "already-member", "Already a member"),
    CHALLENGE_FULL(HttpStatus.CONFLICT, "challenge-full", "Challenge full"),
    ALREADY_SHARED(HttpStatus.CONFLICT, "already-shared", "Already shared"),
    SHARE_HIDDEN(HttpStatus.CONFLICT, "share-hidden", "Share hidden"),
    SHARE_REMOVED(HttpStatus.CONFLICT, "share-removed", "Share removed"),
    SHARED_TOO_OFTEN(HttpStatus.CONFLICT, "shared-too-often", "Shared too often"),
    NOT_PENDING_REVIEW(HttpStatus.CONFLICT, "not-pending-review", "Not pending review"),
    IMPORT_RUNNING(HttpStatus.CONFLICT, "import-running", "An import is running"),
    TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Body too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    /** A request field's value breaks one of an aggregate's rules; the field travels with it. */
    RULE_VIOLATION(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violation", "The request breaks a rule"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused"),
    NOT_SHAREABLE(HttpStatus.UNPROCESSABLE_CONTENT, "not-shareable", "Not shareable"),
    NOT_A_MEMBER(HttpStatus.UNPROCESSABLE_CONTENT, "not-a-member", "Not a member"),
    OWN_SHARE(HttpStatus.UNPROCESSABLE_CONTENT, "own-share", "Your own share"),
    UNREADABLE_SHEET(HttpStatus.UNPROCESSABLE_CONTENT, "unreadable-sheet", "Unreadable spreadsheet"),
    TOO_MANY_SIGN_INS(HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-ins", "Too many sign-ins"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable"),
    BUSY(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy");

    private final HttpStatus status;
    private final String slug;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    /** The type's last segment, e.g. {@code not-found}, {@code challenge-full}, {@code rule-violation}. */
    public String slug() {
        return slug;
    }

    public URI type() {
        return ProblemTypes.type(slug);
    }

    public String title() {
        return title;
    }
}
