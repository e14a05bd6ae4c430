package app.ghostresume.security.web;

import java.net.URI;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * An answer that is not a problem is never labelled {@code application/problem+json}, even for a client that
 * accepts only that: Jackson could write any body under that type, since it is JSON too. Where that type was
 * only added to {@code Accept} so that errors can be written ({@link AcceptedAnswers}), the answer is refused
 * instead: 406 {@code not-acceptable}.
 */
@RestControllerAdvice
public class SuccessIsJson implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (!(body instanceof ProblemDetail)
                && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(selectedContentType)) {
            if (request instanceof ServletServerHttpRequest servlet
                    && servlet.getServletRequest().getAttribute(AcceptedAnswers.TAKES_NO_JSON) != null) {
                response.setStatusCode(HttpStatus.NOT_ACCEPTABLE);
                ProblemDetail refused = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE,
                        AcceptedAnswers.NOT_ACCEPTABLE);
                refused.setType(ProblemTypes.type("not-acceptable"));
                refused.setInstance(URI.create(servlet.getServletRequest().getRequestURI()));
                return refused;
            }
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        }
        return body;
    }
}
