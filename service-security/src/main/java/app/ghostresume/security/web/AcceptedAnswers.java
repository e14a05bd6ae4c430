package app.ghostresume.security.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * What the {@code Accept} header may ask of a service that answers JSON and says what went wrong as problems.
 * <ul>
 * <li>An error is always an {@code application/problem+json} problem, whatever the header asks for: the problem
 * type is appended, last, to what the header takes (content negotiation would otherwise leave a refusal without
 * a body).</li>
 * <li>A header that takes no JSON at all (such as {@code text/html}) is answered 406 {@code not-acceptable}. Where
 * every answer is JSON (the command service), that is decided before the request is handled, so that no command
 * runs and stores its events only for its answer to be refused; elsewhere (the query service, whose reports also
 * come as CSV or HTML) the handler runs, and an answer it can give only as JSON is then refused
 * ({@link SuccessIsJson}), reads being free of effects.</li>
 * <li>A header that is no list of media types is disregarded, as HTTP allows.</li>
 * </ul>
 */
public final class AcceptedAnswers extends OncePerRequestFilter implements Ordered {

    /** Set on a request whose {@code Accept} takes no JSON: a JSON answer to it must be refused. */
    static final String TAKES_NO_JSON = AcceptedAnswers.class.getName() + ".takesNoJson";
    static final String NOT_ACCEPTABLE = "This answer is application/json; the Accept header takes none of it.";

    private static final String PROBLEM_LAST = MediaType.APPLICATION_PROBLEM_JSON + ";q=0.001";

    private final boolean onlyJson;

    private AcceptedAnswers(boolean onlyJson) {
        this.onlyJson = onlyJson;
    }

    /** For a service whose every answer is JSON. */
    public static AcceptedAnswers onlyJson() {
        return new AcceptedAnswers(true);
    }

    /** For a service some of whose answers also come in other types, chosen by {@code Accept}. */
    public static AcceptedAnswers negotiated() {
        return new AcceptedAnswers(false);
    }

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
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        }
        catch (InvalidMediaTypeException ex) {
            chain.doFilter(new ProblemsAcceptable(request, MediaType.ALL_VALUE), response);
            return;
        }
        if (!takesJson(types)) {
            if (onlyJson && request.getRequestURI().startsWith("/api/")) {
                refuse(request, response);
                return;
            }
            request.setAttribute(TAKES_NO_JSON, Boolean.TRUE);
        }
        chain.doFilter(new ProblemsAcceptable(request, accept + ", " + PROBLEM_LAST), response);
    }

    private static boolean takesJson(List<MediaType> types) {
        return types.stream().anyMatch(type -> type.getQualityValue() > 0
                && (type.includes(MediaType.APPLICATION_JSON) || type.includes(MediaType.APPLICATION_PROBLEM_JSON)));
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"" + ProblemTypes.type("not-acceptable") + "\",\"title\":\"Not "
                + "Acceptable\",\"status\":406,\"detail\":\"" + NOT_ACCEPTABLE + "\",\"instance\":\""
                + jsonText(request.getRequestURI()) + "\"}");
    }

    private static String jsonText(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c == '"' || c == '\\' || c < 0x20 ? "\\u%04x".formatted(c)
                : Character.toString(c)));
        return out.toString();
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
