package app.ghostresume.query.platform;


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
        ProblemDetail problem = switch (status) {
            case BAD_REQUEST -> ProblemType.MALFORMED_REQUEST.problem("The request was refused as malformed.");
            case UNAUTHORIZED -> ProblemType.UNAUTHENTICATED.problem("A valid bearer token is required.");
            case NOT_FOUND -> ProblemType.NOT_FOUND.problem("Nothing here.");
            case SERVICE_UNAVAILABLE -> ProblemType.UNAVAILABLE.problem("Try again shortly.");
            default -> {
                ProblemDetail other = ProblemDetail.forStatusAndDetail(status, status.is5xxServerError()
                        ? "Something went wrong on our side." : "The request was refused.");
                other.setType(ProblemTypes.type(ProblemTypes.slugOfStatus(status.value())));
                other.setTitle(status.getReasonPhrase());
                yield other;
            }
        };
        return ResponseEntity.status(status).body(problem);
    }
}
