package app.ghostresume.security.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every error is an {@code application/problem+json} problem, whatever the {@code Accept} header asks for: the
 * problem type is appended, last, to what the header takes. Without it, content negotiation leaves a refusal
 * without a body, and worse, a command whose answer cannot be written in a type the header takes would run, store
 * its events, and then answer 406. With it, an answer in JSON can always be written (labelled
 * {@code application/json}, see {@link SuccessIsJson}), as HTTP allows a server that cannot honour {@code Accept}.
 * Endpoints that offer other types (reports as CSV or HTML) still give them to a client that asks. A header that
 * is no list of media types is disregarded.
 */
public final class AcceptedAnswers extends OncePerRequestFilter implements Ordered {

    private static final String PROBLEM_LAST = MediaType.APPLICATION_PROBLEM_JSON + ";q=0.001";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new ProblemsAcceptable(request, parses(accept) ? accept + ", " + PROBLEM_LAST : "*/*"),
                response);
    }

    /** An {@code Accept} header that is no list of media types at all is disregarded, as HTTP allows. */
    private static boolean parses(String accept) {
        try {
            MediaType.parseMediaTypes(accept);
            return true;
        }
        catch (InvalidMediaTypeException ex) {
            return false;
        }
    }

    /** The request with problems appended, last, to what its {@code Accept} takes. */
    private static final class ProblemsAcceptable extends HttpServletRequestWrapper {

        private final String accept;

        ProblemsAcceptable(HttpServletRequest request, String accept) {
            super(request);
            this.accept = accept;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? accept : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(accept))
                    : super.getHeaders(name);
        }
    }
}
