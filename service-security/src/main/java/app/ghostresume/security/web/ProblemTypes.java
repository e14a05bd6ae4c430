package app.ghostresume.security.web;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

/**
 * Where both services' RFC 9457 problem types live: {@code https://ghostresume.app/problems/<slug>}. Each service
 * names its slugs in its own {@code ProblemType} catalogue; a status with no type of its own (answered by the
 * container or the framework) is named after the status, such as {@code bad-request}.
 */
public final class ProblemTypes {

    public static final String BASE = "https://ghostresume.app/problems/";

    private ProblemTypes() {
    }

    /**
     * The status of the error the container reports on its error path: as the request says; asked for directly,
     * the error path is just a path that does not exist (404).
     */
    public static HttpStatus errorStatusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }

    /** {@code bad-request}, {@code not-implemented}, ... from the status's name; {@code error} for an unknown one. */
    public static String slugOfStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "error" : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
