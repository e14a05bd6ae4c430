package app.ghostresume.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web app's own refusals, in the services' vocabulary ({@code https://ghostresume.app/problems/<kind>}):
 * not signed in, a state-changing request without its CSRF token, a service out of reach.
 */
final class Problems {

    static final String SIGNED_OUT = "unauthenticated";
    static final String CSRF = "csrf";
    static final String UNAVAILABLE = "service-unavailable";
    static final String NOT_FOUND = "not-found";
    static final String BAD_REQUEST = "bad-request";

    private Problems() {
    }

    static ProblemDetail of(HttpStatus status, String kind, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://ghostresume.app/problems/" + kind));
        return problem;
    }

    static void write(JsonMapper json, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String kind, String detail) throws IOException {
        ProblemDetail problem = of(status, kind, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
