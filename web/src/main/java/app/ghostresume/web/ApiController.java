package app.ghostresume.web;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/**}: the services' own API on this origin, each call relayed with the signed-in seeker's token. An
 * answer of 401 from a service (the token expired, the account erased) ends the session here too.
 */
@RestController
class ApiController {

    private final Relay relay;
    private final JsonMapper json;

    ApiController(Relay relay, JsonMapper json) {
        this.relay = relay;
        this.json = json;
    }

    @RequestMapping("/api/**")
    void relay(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        String token = null;
        if (authentication instanceof SignedIn seeker) {
            if (seeker.expired(Instant.now())) {
                signOut(request);
                Problems.write(json, request, response, HttpStatus.UNAUTHORIZED, Problems.SIGNED_OUT,
                        "The session has ended: sign in again.");
                return;
            }
            token = seeker.accessToken();
        }
        if (relay.relay(request, response, token) == HttpStatus.UNAUTHORIZED.value() && token != null) {
            signOut(request);
        }
    }

    @ExceptionHandler(IOException.class)
    ProblemDetail unreachable(IOException failure) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE,
                "The service did not answer; try again in a moment.");
    }

    private static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
