package app.ghostresume.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the relay sends on and what it hands back, seen from a recording stand-in for each backend service (the
 * system tests run the same app against the real services): the seeker's token goes to the services and nowhere
 * else; the browser's cookie and CSRF token never leave the web app; reads go to the query service; a service's
 * own cookies and absolute addresses never reach the browser; a 401 from a service ends the session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A token as the command service issues it, naming the account's handle as the account spells it. */
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJub3JhIiwiaGFuZGxlIjoiTm9yYSJ9.signature";
    private static final Backend COMMANDS = new Backend("command");
    private static final Backend QUERIES = new Backend("query");

    @LocalServerPort
    int port;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    private String csrf;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry properties) {
        properties.add("ghost.web.command-url", COMMANDS::url);
        properties.add("ghost.web.query-url", QUERIES::url);
    }

    @AfterAll
    static void stopBackends() {
        COMMANDS.server.stop(0);
        QUERIES.server.stop(0);
    }

    @BeforeEach
    void signIn() throws Exception {
        COMMANDS.calls.clear();
        QUERIES.calls.clear();
        QUERIES.status.set(200);
        csrf = call("GET", "/session", null, null).json().get("csrfToken").asString();
        Answer signedIn = call("POST", "/session", "{\"handle\":\"nora\",\"password\":\"correct horse\"}", csrf);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        // typed in lower case; the page is told the handle as the account spells it
        assertThat(signedIn.json().get("handle").asString()).isEqualTo("Nora");
        csrf = signedIn.json().get("csrfToken").asString();
        COMMANDS.calls.clear();
    }

    @Test
    void theTokenGoesToTheServicesAndTheBrowsersCookieAndCsrfTokenStayHere() throws Exception {
        Answer read = call("GET", "/api/me/attempts?status=REJECTED", null, null);
        Answer change = call("POST", "/api/attempts", "{\"category\":\"PITCH\"}", csrf);

        assertThat(read.status()).isEqualTo(200);
        assertThat(change.status()).isEqualTo(201);
        Call relayedRead = QUERIES.calls.get(0);
        assertThat(relayedRead.method() + " " + relayedRead.path()).isEqualTo("GET /api/me/attempts?status=REJECTED");
        Call relayedChange = COMMANDS.calls.get(0);
        assertThat(relayedChange.method() + " " + relayedChange.path()).isEqualTo("POST /api/attempts");
        assertThat(relayedChange.body()).isEqualTo("{\"category\":\"PITCH\"}");
        for (Call relayed : List.of(relayedRead, relayedChange)) {
            assertThat(relayed.headers().getFirst("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(relayed.headers().getFirst("X-Forwarded-For")).isEqualTo("127.0.0.1");
            assertThat(relayed.headers()).doesNotContainKeys("Cookie", "X-csrf-token");
        }
        for (Answer answer : List.of(read, change)) {
            assertThat(answer.body()).doesNotContain(TOKEN);
            assertThat(answer.headers().map().toString()).doesNotContain(TOKEN).doesNotContain("backend-cookie");
        }
        assertThat(change.headers().firstValue("Location")).hasValue("/api/attempts/a1");
    }

    @Test
    void theServicesSignInSignUpAndOperatorsApiAreNotRelayed() throws Exception {
        for (String path : List.of("/api/sessions", "/api/accounts", "/api/operator/read-models/rebuild")) {
            Answer refused = call("POST", path, "{\"handle\":\"nora\",\"password\":\"correct horse\"}", csrf);
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).doesNotContain(TOKEN);
        }
        assertThat(COMMANDS.calls).isEmpty();
    }

    @Test
    void anAddressThatCannotBeRelayedIsABadRequest() throws Exception {
        String session = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("GHOST_SESSION")).findFirst().orElseThrow().getValue();
        // a broken percent-encoding, which no URI (the JDK's HTTP client's included) can carry: sent as bytes
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /api/me/attempts?status=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Accept: application/json\r\nCookie: GHOST_SESSION=" + session + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("Content-Type: application/problem+json");
        }
        assertThat(QUERIES.calls).isEmpty();
    }

    @Test
    void anImportsProgressIsReadFromTheCommandService() throws Exception {
        call("GET", "/api/me/imports/i1", null, null);

        assertThat(COMMANDS.calls).extracting(Call::path).containsExactly("/api/me/imports/i1");
        assertThat(QUERIES.calls).isEmpty();
    }

    @Test
    void withoutTheSessionsCsrfTokenNothingIsRelayed() throws Exception {
        Answer refused = call("POST", "/api/attempts", "{}", "not-the-token");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("https://ghostresume.app/problems/csrf");
        assertThat(COMMANDS.calls).isEmpty();
    }

    @Test
    void aServicesRefusalOfTheTokenEndsTheSession() throws Exception {
        QUERIES.status.set(401);
        assertThat(call("GET", "/api/me/attempts", null, null).status()).isEqualTo(401);
        QUERIES.status.set(200);

        Answer after = call("GET", "/api/me/attempts", null, null);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("type").asString()).isEqualTo("https://ghostresume.app/problems/unauthenticated");
        assertThat(QUERIES.calls).hasSize(1);
        assertThat(call("GET", "/session", null, null).json().get("handle").isNull()).isTrue();
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        assertThat(call("DELETE", "/session", null, csrf).status()).isEqualTo(204);

        assertThat(call("GET", "/api/me/attempts", null, null).status()).isEqualTo(401);
        assertThat(QUERIES.calls).isEmpty();
    }

    private Answer call(String method, String path, String json, String csrfToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (csrfToken != null) {
            request.header("X-CSRF-TOKEN", csrfToken);
        }
        HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers(), response.body());
    }

    private record Answer(int status, java.net.http.HttpHeaders headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private record Call(String method, String path, Headers headers, String body) {
    }

    /**
     * A stand-in for a backend service that records each call: signs in with a token, answers a change with 201
     * and an absolute {@code Location}, a read with the status asked of it; every answer tries to set a cookie.
     */
    private static final class Backend {

        final HttpServer server;
        final List<Call> calls = new CopyOnWriteArrayList<>();
        final AtomicInteger status = new AtomicInteger(200);

        Backend(String name) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            }
            catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? ""
                                : "?" + exchange.getRequestURI().getRawQuery());
                String answer;
                int code;
                if (path.equals("/api/sessions")) {
                    answer = "{\"accessToken\":\"" + TOKEN + "\",\"tokenType\":\"Bearer\",\"expiresIn\":3600}";
                    code = 201;
                }
                else {
                    calls.add(new Call(exchange.getRequestMethod(), path, exchange.getRequestHeaders(), body));
                    code = exchange.getRequestMethod().equals("POST") ? 201 : status.get();
                    answer = "{\"from\":\"" + name + "\"}";
                    if (code == 201) {
                        exchange.getResponseHeaders().add("Location", url() + "/api/attempts/a1");
                    }
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Set-Cookie", "backend-cookie=1; Path=/");
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(code, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }
}
