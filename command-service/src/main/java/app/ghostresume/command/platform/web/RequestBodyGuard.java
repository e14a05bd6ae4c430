package app.ghostresume.command.platform.web;

import java.io.IOException;
import java.io.InputStream;

import app.ghostresume.command.platform.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, before anything else reads it, a request body larger than {@code MAX_BODY_SIZE} (64 KB: the longest
 * texts the API takes, escaped, fit several times) with 413, whether it announces its length or comes in chunks,
 * and one whose {@code Content-Type} names no actual type ({@code *}{@code /*}, {@code application/*}) with 415. A
 * body within the limit is read here, once, and handed on in memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyGuard extends OncePerRequestFilter {

    /** Where a spreadsheet is uploaded, which may be larger. */
    static final String IMPORTS = "/api/me/imports";

    private final JsonMapper json;
    private final long bodyLimit;
    private final long importLimit;

    RequestBodyGuard(JsonMapper json, WebSettings settings) {
        this.json = json;
        this.bodyLimit = settings.maxBodySize().toBytes();
        this.importLimit = settings.maxImportSize().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getContentLengthLong() == 0 || request.getMethod().equals("GET")
                || request.getMethod().equals("HEAD");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (wildcard(request.getContentType())) {
            Problems.write(json, response, Problems.problem(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must name the body's type, such as application/json."));
            return;
        }
        boolean sheet = request.getRequestURI().equals(IMPORTS);
        long limit = sheet ? importLimit : bodyLimit;
        if (request.getContentLengthLong() > limit) {
            refuse(response, limit);
            return;
        }
        if (sheet && isMultipart(request.getContentType())) {
            // the container parses an upload's parts from the request itself; its length was checked above
            if (request.getContentLengthLong() < 0) {
                refuse(response, limit);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) limit + 1);
        }
        if (body.length > limit) {
            refuse(response, limit);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static boolean wildcard(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.parseMediaType(contentType).isWildcardSubtype()
                    || MediaType.parseMediaType(contentType).isWildcardType();
        }
        catch (InvalidMediaTypeException ex) {
            return false; // refused by Spring MVC as unsupported
        }
    }

    private static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    private void refuse(HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close");
        Problems.write(json, response, Problems.problem(ProblemType.TOO_LARGE,
                "The request body is larger than " + limit + " bytes; nothing was done."));
    }
}
