package app.ghostresume.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Sends one call on to a backend service and copies its answer back. Only the headers the services read go
 * there (never the browser's cookies), with the seeker's token when there is one and the browser's address, so
 * that the command service throttles sign-ins per client rather than per web app; only the headers a page needs
 * come back.
 */
@Component
class Relay {

    /** Request headers the services read. */
    private static final List<String> FORWARDED = List.of("Content-Type", "Accept", "Accept-Language",
            "Idempotency-Key", "Consistency-Token");
    /** Answer headers a page or a download needs; {@code Location} is made relative to this origin. */
    private static final List<String> RETURNED = List.of("Content-Type", "Content-Disposition", "Retry-After",
            "Idempotent-Replayed");

    private final Backends backends;
    private final HttpClient http;

    Relay(Backends backends) {
        this.backends = backends;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(java.time.Duration.ofSeconds(5)).build();
    }

    /**
     * Relays the browser's request as it came (method, path, query, body) to the service it belongs to.
     *
     * @param token the seeker's access token, or {@code null} for calls that need none
     * @return the backend's status, already written with its body to {@code response}
     */
    int relay(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        String path = request.getRequestURI();
        String query = request.getQueryString();
        URI target = backends.serviceFor(request.getMethod(), path)
                .resolve(path + (query == null ? "" : "?" + query));
        HttpRequest.BodyPublisher body = hasBody(request)
                ? HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return request.getInputStream();
                    }
                    catch (IOException ex) {
                        throw new java.io.UncheckedIOException(ex);
                    }
                })
                : HttpRequest.BodyPublishers.noBody();
        HttpRequest.Builder call = HttpRequest.newBuilder(target).timeout(backends.timeout())
                .method(request.getMethod(), body);
        for (String name : FORWARDED) {
            String value = request.getHeader(name);
            if (value != null) {
                call.header(name, value);
            }
        }
        call.header("X-Forwarded-For", request.getRemoteAddr());
        if (token != null) {
            call.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> answer = send(call.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.setStatus(answer.statusCode());
        for (String name : RETURNED) {
            answer.headers().firstValue(name).ifPresent(value -> response.setHeader(name, value));
        }
        answer.headers().firstValue("Location").map(URI::create)
                .ifPresent(location -> response.setHeader("Location", location.getRawPath()));
        try (InputStream in = answer.body()) {
            in.transferTo(response.getOutputStream());
        }
        return answer.statusCode();
    }

    /** Sends a call the web app makes itself (sign-up, sign-in) and reads its whole answer. */
    HttpResponse<byte[]> call(String path, byte[] json, String clientAddress) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(backends.commandUrl().resolve(path)).timeout(backends.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A whole answer of {@link #call} as this app's own, with the headers a page needs. */
    static ResponseEntity<byte[]> answer(HttpResponse<byte[]> answer) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(answer.statusCode());
        for (String name : RETURNED) {
            answer.headers().firstValue(name).ifPresent(value -> builder.header(name, value));
        }
        return builder.body(answer.body());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException {
        try {
            return http.send(request, body);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }
}
