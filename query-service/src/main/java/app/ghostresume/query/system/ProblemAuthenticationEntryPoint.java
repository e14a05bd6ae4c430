package app.ghostresume.query.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authentication failures as problems: a missing, forged or expired token is a 401 with the bearer challenge;
 * a token that cannot be checked because command-service's key set is unreachable is a 503 to retry.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AuthenticationFailureHandler {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final JsonMapper json;

    ProblemAuthenticationEntryPoint(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        challenge.commence(request, response, authException);
        String detail = authException.getMessage() == null || request.getHeader(HttpHeaders.AUTHORIZATION) == null
                ? "A valid bearer token is required." : authException.getMessage();
        write(response, ProblemType.UNAUTHENTICATED, detail, request.getRequestURI());
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof AuthenticationServiceException) {
            response.setStatus(ProblemType.UNAVAILABLE.status().value());
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            write(response, ProblemType.UNAVAILABLE, "Tokens cannot be checked right now; try again shortly.",
                    request.getRequestURI());
        }
        else {
            commence(request, response, exception);
        }
    }

    private void write(HttpServletResponse response, ProblemType type, String detail, String instance)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.type().toString());
        problem.put("title", type.title());
        problem.put("status", type.status().value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
