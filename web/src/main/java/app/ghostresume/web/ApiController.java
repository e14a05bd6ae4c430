package app.ghostresume.web;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/**}: the services' own API on this origin, each call relayed with the signed-in seeker's token. An
 * answer of 401 from a service (the token expired, the account erased) ends the session here too. Signing up and
 * in are this app's own ({@code /session}): the services' sign-in answers a token, which must never reach a page,
 * so it is not relayed, nor is sign-up or the operators' API.
 */
@RestController
class ApiController {

    private final Relay relay;
    private final Backends backends;
    private final JsonMapper json;

    ApiController(Relay relay, Backends backends, JsonMapper json) {
        this.relay = relay;
        this.backends = backends;
        this.json = json;
    }

    @RequestMapping("/api/**")
    void relay(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        if (!backends.relays(request.getRequestURI())) {
            Problems.write(json, request, response, HttpStatus.NOT_FOUND, Problems.NOT_FOUND,
                    "Not here: sign up and in through /session.");
            return;
        }
        String token = null;
        if (authentication instanceof SignedIn seeker) {
            if (seeker.expired(Instant.now())) {
                SignedIn.end(request);
                Problems.write(json, request, response, HttpStatus.UNAUTHORIZED, Problems.SIGNED_OUT,
                        "The session has ended: sign in again.");
                return;
            }
            token = seeker.accessToken();
        }
        if (relay.relay(request, response, token) == HttpStatus.UNAUTHORIZED.value() && token != null) {
            SignedIn.end(request);
        }
    }

    /** A path or query the services could not be asked for (a broken percent-encoding, say). */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail unrelayable(IllegalArgumentException failure) {
        return Problems.of(HttpStatus.BAD_REQUEST, Problems.BAD_REQUEST, "This address cannot be relayed.");
    }

    @ExceptionHandler(IOException.class)
    ProblemDetail unreachable(IOException failure) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE,
                "The service did not answer; try again in a moment.");
    }
}
