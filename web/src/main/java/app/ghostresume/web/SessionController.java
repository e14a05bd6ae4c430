package app.ghostresume.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seeker's session with the web app. {@code GET /session} says who is signed in and hands the page its CSRF
 * token; {@code POST /session} signs in and {@code POST /session/account} signs up (then in) through the command
 * service, keeping the access token it answers in the session; {@code DELETE /session} signs out. The token is
 * never part of an answer: the page learns only the handle.
 */
@RestController
class SessionController {

    private final Relay relay;
    private final JsonMapper json;
    private final SecurityContextRepository contexts;
    private final Clock clock = Clock.systemUTC();

    SessionController(Relay relay, JsonMapper json, SecurityContextRepository contexts) {
        this.relay = relay;
        this.json = json;
        this.contexts = contexts;
    }

    @GetMapping("/session")
    Map<String, Object> current(Authentication authentication, CsrfToken csrf) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("handle", authentication instanceof SignedIn seeker && !seeker.expired(clock.instant())
                ? seeker.handle() : null);
        session.put("csrfToken", csrf.getToken());
        return session;
    }

    @PostMapping(path = "/session", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> signIn(@RequestBody JsonNode credentials, HttpServletRequest request,
            HttpServletResponse response, CsrfToken csrf) throws IOException {
        return signIn(credentials, request, response, csrf, HttpStatus.OK, null);
    }

    @PostMapping(path = "/session/account", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> signUp(@RequestBody JsonNode account, HttpServletRequest request,
            HttpServletResponse response, CsrfToken csrf) throws IOException {
        HttpResponse<byte[]> created = relay.call("/api/accounts", json.writeValueAsBytes(account),
                request.getRemoteAddr());
        if (created.statusCode() != HttpStatus.CREATED.value()) {
            return Relay.answer(created);
        }
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("handle", account.path("handle").asString());
        credentials.put("password", account.path("password").asString());
        return signIn(json.valueToTree(credentials), request, response, csrf, HttpStatus.CREATED,
                json.readTree(created.body()).path("consistencyToken").asString(null));
    }

    @DeleteMapping("/session")
    ResponseEntity<Void> signOut(HttpServletRequest request) {
        SignedIn.end(request);
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<?> signIn(JsonNode credentials, HttpServletRequest request, HttpServletResponse response,
            CsrfToken csrf, HttpStatus status, String consistencyToken) throws IOException {
        HttpResponse<byte[]> session = relay.call("/api/sessions", json.writeValueAsBytes(credentials),
                request.getRemoteAddr());
        if (session.statusCode() != HttpStatus.CREATED.value()) {
            return Relay.answer(session);
        }
        JsonNode issued = json.readTree(session.body());
        String handle = handleIn(issued.path("accessToken").asString(), credentials.path("handle").asString());
        SignedIn seeker = new SignedIn(handle, issued.path("accessToken").asString(),
                Instant.now(clock).plusSeconds(issued.path("expiresIn").asLong()));
        // a new session id at every sign-in: an id planted before it (session fixation) is worth nothing after
        request.getSession(true);
        request.changeSessionId();
        SecurityContextImpl context = new SecurityContextImpl(seeker);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("handle", handle);
        answer.put("csrfToken", csrf.getToken());
        if (consistencyToken != null) {
            answer.put("consistencyToken", consistencyToken);
        }
        return ResponseEntity.status(status).body(answer);
    }

    /**
     * The account's own handle, as the token the command service just issued names it (sign-in takes a handle in
     * any case), so the pages compare it with the handles they read; what was typed if the token names none.
     */
    private String handleIn(String accessToken, String typed) {
        String[] parts = accessToken.split("\\.");
        if (parts.length == 3) {
            String handle = json.readTree(Base64.getUrlDecoder().decode(parts[1])).path("handle").asString(null);
            if (handle != null && !handle.isBlank()) {
                return handle;
            }
        }
        return typed;
    }
}
