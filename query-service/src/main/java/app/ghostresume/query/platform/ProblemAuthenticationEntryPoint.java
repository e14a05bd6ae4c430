package app.ghostresume.query.platform;

import java.io.IOException;

import app.ghostresume.security.web.ProtectedResource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authentication failures as problems: a missing, forged or expired token is a 401 with the bearer challenge;
 * a token that cannot be checked because command-service's key set is unreachable is a 503 to retry.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AuthenticationFailureHandler {

    private final ProtectedResource resource;
    private final JsonMapper json;

    ProblemAuthenticationEntryPoint(ProtectedResource resource, JsonMapper json) {
        this.resource = resource;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        // what is wrong with a token stays here: naming the library's reason helps only whoever forges them
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                resource.challenge(request.getHeader(HttpHeaders.AUTHORIZATION) != null));
        write(response, ProblemType.UNAUTHENTICATED, "A valid bearer token is required.", request.getRequestURI());
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof AuthenticationServiceException) {
            write(response, ProblemType.UNAVAILABLE, "Tokens cannot be checked right now; try again shortly.",
                    request.getRequestURI());
        }
        else {
            commence(request, response, exception);
        }
    }

    private void write(HttpServletResponse response, ProblemType type, String detail, String instance)
            throws IOException {
        ProblemResponses.write(json, response, type, detail, instance);
    }
}
