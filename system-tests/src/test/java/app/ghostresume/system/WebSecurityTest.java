package app.ghostresume.system;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.HttpApi.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app as an attacker meets it, without a browser: what a session hands out (a cookie, never a token),
 * what it refuses (a state change without the page's CSRF token, a session id planted before sign-in, a cookie
 * after sign-out) and what it never shows (one seeker's data to another's session).
 */
class WebSecurityTest {

    /** The browser test's token pattern: a JWT's start. */
    private static final Pattern TOKEN = WebAppBrowserTest.TOKEN;
    private static final String PROBLEMS = "https://ghostresume.app/problems/";

    private static String web;

    @BeforeAll
    static void theWebApp() {
        web = RunningSystem.get().webUrl();
    }

    @Test
    void theBrowserIsHandedAnHttpOnlyStrictSessionCookieAndNeverAToken() {
        Page page = new Page();
        Answer anonymous = page.get("/session");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body().get("handle").isNull()).isTrue();
        String before = page.sessionId();

        Answer signedUp = page.signUp("cookie");
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);
        assertThat(signedUp.body().propertyNames()).doesNotContain("accessToken", "refreshToken");
        List<String> setCookies = signedUp.headers("Set-Cookie");
        assertThat(setCookies).isNotEmpty().allSatisfy(cookie -> assertThat(cookie)
                .startsWith("GHOST_SESSION=").contains("HttpOnly").contains("SameSite=Strict"));
        // a new id at sign-in: an id planted in the browser before it is worth nothing after
        assertThat(page.sessionId()).isNotEqualTo(before);

        Answer logged = page.logAsk("Granta");
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        for (Answer answer : List.of(signedUp, logged, page.get("/session"), page.read("/api/me/attempts"),
                page.read("/api/me/ghost-resume"), page.get("/"), page.get("/app.js"))) {
            assertThat(answer.text()).as(answer.toString()).doesNotContainPattern(TOKEN);
            assertThat(answer.headers().toString()).doesNotContainPattern(TOKEN);
        }
        assertThat(page.get("/").header("Content-Security-Policy"))
                .contains("script-src 'self'", "frame-ancestors 'none'");
    }

    @Test
    void aStateChangeWithoutThePagesCsrfTokenIsRefusedAndStoresNothing() {
        Page page = new Page();
        page.get("/session");
        page.signUp("csrf");

        Answer none = page.send("POST", "/api/attempts", ask("Forged without a token"), null);
        Answer wrong = page.send("POST", "/api/attempts", ask("Forged with a guess"), UUID.randomUUID().toString());
        for (Answer refused : List.of(none, wrong)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(refused.body().get("type").asString()).isEqualTo(PROBLEMS + "csrf");
        }
        // a sign-in is a state change too: no forged login into the attacker's account
        Page stranger = new Page();
        stranger.get("/session");
        Answer forgedSignIn = stranger.send("POST", "/session", Map.of("handle", page.handle,
                "password", "correct horse battery"), null);
        assertThat(forgedSignIn.status()).isEqualTo(403);

        // the ask sent with the page's token is the only one stored (read after it, as the page reads)
        assertThat(page.logAsk("Granta").status()).isEqualTo(201);
        JsonNode board = page.read("/api/me/attempts").body();
        assertThat(board.get("items")).hasSize(1);
        assertThat(board.get("items").get(0).get("title").asString()).isEqualTo("A pitch");
    }

    @Test
    void oneSeekersSessionNeverShowsOrChangesAnothersData() {
        Page alice = new Page();
        alice.get("/session");
        alice.signUp("alice");
        Page bob = new Page();
        bob.get("/session");
        bob.signUp("bob");
        String bobsAttempt = bob.logAsk("The Paris Review").body().get("attemptId").asString();
        assertThat(bob.read("/api/me/attempts").text()).contains(bobsAttempt);

        alice.logAsk("Granta");
        assertThat(alice.read("/api/me/attempts").text()).doesNotContain(bobsAttempt, "The Paris Review");
        Answer peek = alice.read("/api/me/attempts/" + bobsAttempt);
        assertThat(peek.status()).isEqualTo(404);
        assertThat(peek.text()).doesNotContain("The Paris Review");
        Answer meddle = alice.send("POST", "/api/attempts/" + bobsAttempt + "/rejection",
                Map.of("receivedOn", java.time.LocalDate.now().toString()), alice.csrf);
        assertThat(meddle.status()).as(meddle.toString()).isBetween(403, 404);
        assertThat(meddle.header("Content-Type")).isEqualTo("application/problem+json");

        assertThat(bob.logAsk("Granta").status()).isEqualTo(201);
        JsonNode board = bob.read("/api/me/attempts").body();
        assertThat(board.findValuesAsString("status")).containsExactly("WAITING", "WAITING");
    }

    @Test
    void aSignedOutSessionsCookieOpensNothing() {
        Page page = new Page();
        page.get("/session");
        page.signUp("signout");
        String cookie = page.sessionId();
        assertThat(page.send("DELETE", "/session", null, page.csrf).status()).isEqualTo(204);

        Page replayed = new Page();
        replayed.cookies.getCookieStore().add(URI.create(web), session(cookie));
        Answer refused = replayed.get("/api/me/attempts");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(refused.body().get("type").asString()).isEqualTo(PROBLEMS + "unauthenticated");
        assertThat(replayed.get("/session").body().get("handle").isNull()).isTrue();
    }

    private static Map<String, Object> ask(String title) {
        return Map.of("category", "PITCH", "target", "Granta", "title", title);
    }

    private static HttpCookie session(String value) {
        HttpCookie cookie = new HttpCookie("GHOST_SESSION", value);
        cookie.setPath("/");
        cookie.setVersion(0);
        return cookie;
    }

    /** What one browser tab does with the app's API: its own cookie jar, the CSRF token the page is handed. */
    private static final class Page {

        final CookieManager cookies = new CookieManager();
        final HttpApi api = new HttpApi(web, cookies);
        String csrf;
        String handle;
        String consistency;

        Answer get(String path) {
            Answer answer = send("GET", path, null, null);
            if (path.equals("/session")) {
                csrf = answer.body().get("csrfToken").asString();
            }
            return answer;
        }

        /** A read after this page's last change, as the page makes it. */
        Answer read(String path) {
            return send("GET", path, null, null);
        }

        Answer signUp(String prefix) {
            handle = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
            Answer answer = send("POST", "/session/account", Map.of("handle", handle, "displayName", prefix,
                    "password", "correct horse battery", "timeZone", "UTC"), csrf);
            if (answer.status() == 201) {
                csrf = answer.body().get("csrfToken").asString();
            }
            return answer;
        }

        Answer logAsk(String target) {
            return send("POST", "/api/attempts", Map.of("category", "PITCH", "target", target, "title", "A pitch"),
                    csrf);
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("GHOST_SESSION"))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        Answer send(String method, String path, Object body, String csrfToken) {
            HttpApi.Call call = api.request(method, path, body).header("Accept", "application/json");
            if (csrfToken != null) {
                call.header("X-CSRF-TOKEN", csrfToken);
            }
            if (method.equals("GET") && consistency != null) {
                call.header("Consistency-Token", consistency);
            }
            Answer answer = call.send();
            if (!method.equals("GET") && answer.status() < 300 && answer.body().has("consistencyToken")) {
                consistency = answer.body().get("consistencyToken").asString();
            }
            return answer;
        }
    }
}
