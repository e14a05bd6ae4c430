package app.ghostresume.security.web;

import java.net.URI;
import java.util.Locale;

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

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }

    /** {@code bad-request}, {@code not-implemented}, ... from the status's name; {@code error} for an unknown one. */
    public static String slugOfStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "error" : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
