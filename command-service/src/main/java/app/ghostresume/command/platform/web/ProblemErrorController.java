package app.ghostresume.command.platform.web;

import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.security.web.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors the servlet container reports itself, outside Spring MVC's handlers (a request the security firewall
 * refuses, such as a path with {@code ..}; an exception escaping a filter), are problems too, never the
 * container's page or Boot's generic error JSON.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = ProblemTypes.errorStatusOf(request);
        ProblemDetail problem = status == HttpStatus.UNAUTHORIZED
                ? Problems.problem(ProblemType.UNAUTHENTICATED, "A valid bearer token is required.")
                : Problems.ofStatus(status, status.getReasonPhrase(), status.is5xxServerError()
                        ? "Something went wrong on our side."
                        : "The request was refused: " + status.getReasonPhrase().toLowerCase() + ".");
        return ResponseEntity.status(status).body(problem);
    }
}
