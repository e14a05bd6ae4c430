package app.ghostresume.stack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSON-over-HTTP client for tests: fluent requests, answers with status, headers and a parsed body. */
public final class HttpApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client;
    private final String baseUrl;

    public HttpApi(String baseUrl) {
        this(baseUrl, null);
    }

    /** A client keeping the cookies it is given in {@code cookies}, as one browser does ({@code null}: none). */
    public HttpApi(String baseUrl, CookieHandler cookies) {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (cookies != null) {
            client.cookieHandler(cookies);
        }
        this.client = client.build();
        this.baseUrl = baseUrl;
    }

    public Call get(String path) {
        return new Call("GET", path, null);
    }

    public Call post(String path, Object body) {
        return new Call("POST", path, body);
    }

    public Call patch(String path, Object body) {
        return new Call("PATCH", path, body);
    }

    public Call put(String path, Object body) {
        return new Call("PUT", path, body);
    }

    public Call delete(String path) {
        return new Call("DELETE", path, null);
    }

    /** Any method, with a body sent as it is when it is a String ({@code null} for none). */
    public Call request(String method, String path, Object body) {
        return new Call(method, path, body);
    }

    public static String json(Object value) {
        return value instanceof String text ? text : JSON.writeValueAsString(value);
    }

    /** One request being put together. A String body is sent as it is; anything else as JSON. */
    public final class Call {

        private final String method;
        private final String path;
        private final Object body;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Call(String method, String path, Object body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }

        public Call token(String accessToken) {
            return header("Authorization", "Bearer " + accessToken);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Answer send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json(body)));
            if (body != null && !headers.containsKey("Content-Type")) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.headers().map(), response.body());
            }
            catch (IOException ex) {
                throw new UncheckedIOException(method + " " + path + " failed", ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

    /** What came back. */
    public record Answer(int status, Map<String, java.util.List<String>> headers, String text) {

        public JsonNode body() {
            return text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        }

        public String header(String name) {
            java.util.List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }

        /** Every value of the header {@code name}, whatever its case. */
        public java.util.List<String> headers(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
