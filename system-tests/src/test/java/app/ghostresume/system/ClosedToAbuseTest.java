package app.ghostresume.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.HttpApi.Answer;
import app.ghostresume.system.RunningSystem.Seeker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a black-box pass over both APIs found open, each closed: every refusal either service gives, down to
 * Tomcat's own, is problem+json with a stable type; bodies are bounded and read strictly; every allowed password
 * works; guessing passwords is throttled; and neither service takes its own name from the request.
 */
class ClosedToAbuseTest {

    private static final RunningSystem system = RunningSystem.get();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Seeker seeker;

    @BeforeAll
    static void aSeeker() {
        seeker = system.newSeeker("edge", "UTC");
    }

    @Test
    void whatTomcatRefusesItselfIsAProblemWithAStableType() {
        for (HttpApi service : List.of(system.commands, system.queries)) {
            int port = URI.create(baseUrl(service)).getPort();
            Map<String, String> refusals = new LinkedHashMap<>();
            refusals.put("GET /api/me/attempts%2fx HTTP/1.1\r\n", "bad-request");
            refusals.put("GET /api/me/attempts%00 HTTP/1.1\r\n", "bad-request");
            refusals.put("GET /api/me/attempts HTTP/1.1\r\nX-Big: " + "a".repeat(9000) + "\r\n", "bad-request");
            refusals.put("GET /api/me/attempts?x=" + "a".repeat(10_000) + " HTTP/1.1\r\n", "bad-request");
            StringBuilder many = new StringBuilder("GET /api/me/attempts HTTP/1.1\r\n");
            for (int i = 0; i < 120; i++) {
                many.append("X-H").append(i).append(": v\r\n");
            }
            refusals.put(many.toString(), "bad-request");
            refusals.put("CONNECT localhost:" + port + " HTTP/1.1\r\n", "not-implemented");
            for (Map.Entry<String, String> refusal : refusals.entrySet()) {
                Raw answer = Raw.send(port, refusal.getKey() + "Host: localhost\r\nConnection: close\r\n\r\n");
                String what = port + " " + abbreviate(refusal.getKey()) + " → " + answer;
                assertThat(answer.status()).as(what).isBetween(400, 599);
                assertThat(answer.header("content-type")).as(what).startsWith("application/problem+json");
                JsonNode problem = JSON.readTree(answer.body());
                assertThat(problem.get("type").asString()).as(what)
                        .isEqualTo("https://ghostresume.app/problems/" + refusal.getValue());
                assertThat(problem.get("status").asInt()).as(what).isEqualTo(answer.status());
            }
        }
    }

    @Test
    void brokenPercentEncodingAndTheErrorPathAreClientErrorsOnBothServices() {
        int port = URI.create(baseUrl(system.queries)).getPort();
        for (String path : List.of("/api/me/attempts?x=%", "/api/me/attempts?limit=%zz", "/api/me/stats?from=%",
                "/api/targets?query=%e")) {
            // no well-behaved client sends these, so they go out byte by byte
            Raw answer = Raw.send(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + seeker.token() + "\r\nConnection: close\r\n\r\n");
            assertThat(answer.status()).as(path + " → " + answer).isEqualTo(400);
            assertThat(answer.header("content-type")).as(path).startsWith("application/problem+json");
            assertThat(JSON.readTree(answer.body()).get("type").asString())
                    .isEqualTo("https://ghostresume.app/problems/malformed-request");
        }
        assertProblem(system.commands.get("/error").send(), 404, "not-found");
        assertProblem(system.queries.get("/error").send(), 404, "not-found");
    }

    @Test
    void wrongMethodsAndUnacceptableAnswersHaveTheirTypesAndSuccessIsNeverAProblem() {
        assertProblem(system.queries.delete("/api/me/attempts").token(seeker.token()).send(), 405,
                "method-not-allowed");
        assertProblem(system.commands.put("/api/attempts", Map.of()).token(seeker.token()).send(), 405,
                "method-not-allowed");
        assertProblem(system.queries.get("/api/me/attempts").token(seeker.token()).header("Accept", "text/html")
                .send(), 406, "not-acceptable");
        long stored = system.commandSideCount("SELECT count(*) FROM domain_event_entry");
        assertProblem(system.commands.post("/api/attempts", attempt()).token(seeker.token())
                .header("Accept", "text/html").send(), 406, "not-acceptable");
        assertThat(system.commandSideCount("SELECT count(*) FROM domain_event_entry"))
                .as("a command whose answer the client would refuse is not run").isEqualTo(stored);

        Answer read = system.queries.get("/api/me/attempts").token(seeker.token())
                .header("Accept", "application/problem+json").send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Content-Type")).startsWith("application/json");
        Answer written = system.commands.post("/api/attempts", attempt()).token(seeker.token())
                .header("Accept", "application/problem+json").send();
        assertThat(written.status()).isEqualTo(201);
        assertThat(written.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void aBodyWithoutARealTypeIsRefusedAndOneTooLargeIsRefusedWhetherItsLengthIsKnownOrNot() throws Exception {
        for (String type : List.of("*/*", "application/*")) {
            assertProblem(system.commands.post("/api/attempts", HttpApi.json(attempt())).token(seeker.token())
                    .header("Content-Type", type).send(), 415, "unsupported-media-type");
        }
        String large = "{\"category\":\"PITCH\",\"target\":\"T\",\"title\":\"" + "x".repeat(70_000) + "\"}";
        assertProblem(system.commands.post("/api/attempts", large).token(seeker.token()).send(), 413, "too-large");

        byte[] bytes = large.getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(baseUrl(system.commands) + "/api/attempts"))
                .header("Authorization", "Bearer " + seeker.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aBodyRefusedUnreadIsNeverAskedFor() {
        // headers only: a client that waits for 100 Continue gets its refusal, and sends none of its 3 MB
        Raw refused = Raw.send(URI.create(baseUrl(system.commands)).getPort(), "POST /api/attempts HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + seeker.token() + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: 3000000\r\nExpect: 100-continue\r\n\r\n");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void jsonIsReadAsWrittenNeverCoerced() {
        String ofTheSeeker = "SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE ?";
        String owned = "%\"seekerId\":\"" + seeker.id() + "\"%";
        long before = system.commandSideCount(ofTheSeeker, owned);
        List<String> bodies = List.of(
                "{\"category\":0,\"target\":\"T\",\"title\":\"T\"}",
                "{\"category\":\" PITCH \",\"target\":\"T\",\"title\":\"T\"}",
                "{\"category\":\"pitch\",\"target\":\"T\",\"title\":\"T\"}",
                "{\"category\":\"PITCH\",\"category\":\"JOB\",\"target\":\"T\",\"title\":\"T\"}",
                "{\"category\":\"PITCH\",\"target\":\"T\",\"title\":\"\\u0085\"}",
                "{\"category\":\"PITCH\",\"target\":\"T\",\"title\":\"\\u009f\"}",
                "{\"category\":\"PITCH\",\"target\":\"T\",\"title\":\"\\ud800\"}",
                "{\"category\":\"PITCH\",\"target\":\"T\",\"title\":\"\\udc00x\"}",
                "{\"category\":\"PITCH\",\"target\":true,\"title\":\"T\"}");
        for (String body : bodies) {
            Answer answer = system.commands.post("/api/attempts", body).token(seeker.token()).send();
            assertThat(answer.status()).as(body + " → " + answer).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(body).startsWith("application/problem+json");
        }
        String attempt = system.commands.post("/api/attempts", attempt()).token(seeker.token()).send().body()
                .get("attemptId").asString();
        long afterTheOneAccepted = system.commandSideCount(ofTheSeeker, owned);
        for (String body : List.of("{\"sting\":3.5}", "{\"sting\":\"3\"}", "{\"sting\":3,\"sting\":4}")) {
            Answer answer = system.commands.post("/api/attempts/" + attempt + "/rejection", body)
                    .token(seeker.token()).send();
            assertThat(answer.status()).as(body + " → " + answer).isEqualTo(400);
        }
        Answer share = system.commands.post("/api/attempts/" + attempt + "/shares",
                "{\"anonymous\":\"true\",\"audience\":\"PUBLIC\"}").token(seeker.token()).send();
        assertThat(share.status()).as(share.toString()).isEqualTo(400);
        // an emoji, a pair of surrogates, is a character like any other
        assertThat(system.commands.post("/api/attempts", Map.of("category", "PITCH", "target", "T \uD83D\uDE00",
                "title", "T")).token(seeker.token()).send().status()).isEqualTo(201);
        assertThat(afterTheOneAccepted - before).as("events of the refused bodies").isEqualTo(2);
    }

    @Test
    void everyAllowedPasswordWorksWhateverItsLengthInBytes() {
        for (String password : List.of("é".repeat(199) + "a", "x".repeat(73), "🙂".repeat(100))) {
            String handle = "long-" + UUID.randomUUID().toString().substring(0, 8);
            Answer signUp = system.commands.post("/api/accounts", Map.of("handle", handle, "password", password,
                    "displayName", "L", "timeZone", "UTC")).send();
            assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
            assertThat(system.commands.post("/api/sessions", Map.of("handle", handle, "password", password)).send()
                    .status()).isEqualTo(201);
            // the last character counts too: nothing is cut off at 72 bytes
            String almost = password.substring(0, password.length() - 2) + "zz";
            assertProblem(system.commands.post("/api/sessions", Map.of("handle", handle, "password", almost)).send(),
                    401, "invalid-credentials");
        }
    }

    @Test
    void guessingOneHandlesPasswordIsThrottledBeforeAnyPasswordIsChecked() {
        Seeker target = system.newSeeker("guessed", "UTC");
        for (int i = 0; i < 5; i++) {
            assertProblem(system.commands.post("/api/sessions", Map.of("handle", target.handle(), "password",
                    "wrong password " + i)).send(), 401, "invalid-credentials");
        }
        Answer locked = system.commands.post("/api/sessions", Map.of("handle", target.handle().toUpperCase(Locale.ROOT),
                "password", "correct horse battery")).send();
        assertProblem(locked, 429, "too-many-sign-ins");
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isPositive();
        // the account's tokens still work; only guessing is slowed
        assertThat(system.queries.get("/api/me/attempts").token(target.token()).send().status()).isEqualTo(200);
    }

    @Test
    void neitherServiceTakesItsNameFromTheHostHeaderNorSaysWhatIsWrongWithAToken() {
        for (HttpApi service : List.of(system.commands, system.queries)) {
            String url = baseUrl(service);
            int port = URI.create(url).getPort();
            Raw metadata = Raw.send(port, "GET /.well-known/oauth-protected-resource HTTP/1.1\r\n"
                    + "Host: evil.example\r\nConnection: close\r\n\r\n");
            assertThat(metadata.status()).as(metadata.toString()).isEqualTo(200);
            JsonNode described = JSON.readTree(metadata.body());
            assertThat(described.get("resource").asString()).isEqualTo(url);
            assertThat(described.get("authorization_servers").get(0).asString()).isEqualTo(baseUrl(system.commands));
            assertThat(described.get("tls_client_certificate_bound_access_tokens").asBoolean()).isFalse();

            Raw challenged = Raw.send(port, "GET /api/me/attempts HTTP/1.1\r\nHost: evil.example\r\n"
                    + "Authorization: Bearer not.a.token\r\nConnection: close\r\n\r\n");
            assertThat(challenged.status()).isEqualTo(401);
            assertThat(challenged.header("www-authenticate")).doesNotContain("evil.example")
                    .contains("resource_metadata=\"" + url + "/.well-known/oauth-protected-resource\"")
                    .contains("error=\"invalid_token\"").doesNotContain("error_description");
            assertThat(JSON.readTree(challenged.body()).get("detail").asString())
                    .isEqualTo("A valid bearer token is required.");
        }
    }

    @Test
    void healthListsItsComponents() {
        JsonNode commands = system.commands.get("/actuator/health").send().body();
        JsonNode queries = system.queries.get("/actuator/health").send().body();
        assertThat(commands.get("components").has("db")).as(commands.toString()).isTrue();
        assertThat(queries.get("components").has("db")).as(queries.toString()).isTrue();
        assertThat(queries.get("components").has("consumer")).isTrue();
        assertThat(queries.get("components").get("eventOrder").get("status").asString()).isEqualTo("UP");
    }

    private static Map<String, Object> attempt() {
        return Map.of("category", "PITCH", "target", "Outlet", "title", "Pitch");
    }

    private static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asString()).as(answer.toString())
                .isEqualTo("https://ghostresume.app/problems/" + type);
    }

    private static String baseUrl(HttpApi service) {
        return service == system.commands ? system.stack.commandUrl() : system.stack.queryUrl();
    }

    private static String abbreviate(String text) {
        String line = text.replace("\r\n", " | ");
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    /** A request written byte by byte, as no well-behaved client would send it. */
    private record Raw(int status, Map<String, String> headers, String body) {

        static Raw send(int port, String request) {
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                InputStream in = socket.getInputStream();
                String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int end = answer.indexOf("\r\n\r\n");
                String[] head = answer.substring(0, end).split("\r\n");
                Map<String, String> headers = new LinkedHashMap<>();
                for (int i = 1; i < head.length; i++) {
                    int colon = head[i].indexOf(':');
                    headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            head[i].substring(colon + 1).trim());
                }
                String body = answer.substring(end + 4);
                if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                    body = unchunked(body);
                }
                return new Raw(Integer.parseInt(head[0].split(" ")[1]), headers, body);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        private static String unchunked(String chunked) {
            List<String> parts = new ArrayList<>();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    return String.join("", parts);
                }
                parts.add(chunked.substring(lineEnd + 2, lineEnd + 2 + size));
                at = lineEnd + 2 + size + 2;
            }
        }

        String header(String name) {
            return headers.get(name);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 200 ? body.substring(0, 200) : body);
        }
    }
}
