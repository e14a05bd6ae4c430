package app.ghostresume.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the web app's calls go.
 *
 * @param commandUrl the command service: sign-up, sign-in and every change
 * @param queryUrl   the query service: every read but an import's progress
 * @param timeout    how long a relayed call may take (a report replays history; a read may wait for consistency)
 */
@ConfigurationProperties("ghost.web")
public record Backends(URI commandUrl, URI queryUrl, Duration timeout) {

    public Backends {
        if (commandUrl == null || queryUrl == null) {
            throw new IllegalArgumentException("set COMMAND_SERVICE_URL and QUERY_SERVICE_URL");
        }
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    }

    /** Paths of the services' API never relayed: their sign-in answers a token; sign-up; the operators' API. */
    static final List<String> NOT_RELAYED = List.of("/api/sessions", "/api/accounts", "/api/operator");

    /** Whether a page's call to {@code path} goes on to a service at all (sign-up and in are {@code /session}). */
    public boolean relays(String path) {
        return NOT_RELAYED.stream().noneMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    /**
     * The service an API call belongs to: reads to the query service, except an import's progress, which the
     * command service keeps; everything else to the command service.
     */
    public URI serviceFor(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        return read && !path.startsWith("/api/me/imports/") ? queryUrl : commandUrl;
    }
}
