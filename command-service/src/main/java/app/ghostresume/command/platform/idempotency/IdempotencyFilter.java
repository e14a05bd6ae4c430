package app.ghostresume.command.platform.idempotency;

import app.ghostresume.command.platform.ProblemType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import app.ghostresume.command.platform.web.CachedBodyRequest;
import app.ghostresume.command.platform.web.Problems;
import app.ghostresume.command.platform.web.SignedInSeeker;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Honours {@code Idempotency-Key} on every POST under {@code /api}, per caller. The first request with a key
 * runs and its answer is kept; a retry with the same key and body gets that answer again
 * ({@code Idempotent-Replayed: true}) without running; the same key with a different body is a 422; a retry
 * while the first is still running is a 409, until the first's claim lapses. Answers of 5xx are not kept, so
 * a retry after a failure runs again. Anonymous callers (sign-up) cannot be told apart, so for them a key only
 * matches the identical request: two strangers who pick the same key never see each other's answers.
 *
 * <p>Sign-in is exempt: it writes nothing, so it is safe to repeat, and keeping its answer would store bearer
 * tokens at rest. Bodies are fingerprinted with a keyed hash, so a stored fingerprint of a sign-up reveals
 * nothing about its password.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotentRequests requests;
    private final JsonMapper json;
    private final SecretKeySpec fingerprintKey;

    IdempotencyFilter(IdempotentRequests requests, JsonMapper json, FingerprintSecret secret) {
        this.requests = requests;
        this.json = json;
        this.fingerprintKey = new SecretKeySpec(secret.bytes(), "HmacSHA256");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/") || request.getRequestURI().equals("/api/sessions")
                // an import names its attempts by what they are: importing a file again creates nothing twice
                || request.getRequestURI().equals("/api/me/imports");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            Problems.write(json, response, Problems.problem(ProblemType.VALIDATION,
                    HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters."));
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(request.getRequestURI(), body);
        String scope = SignedInSeeker.current().map(id -> "seeker:" + id)
                .orElse("anonymous:" + fingerprint);

        if (!requests.claim(scope, key, fingerprint)) {
            answerRepeat(requests.find(scope, key).orElse(null), fingerprint, request, response, chain, body);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorded);
            if (recorded.getStatus() < 500) {
                requests.complete(scope, key, recorded.getStatus(), recorded.getContentType(),
                        recorded.getHeader(HttpHeaders.LOCATION), recorded.getContentAsByteArray());
                kept = true;
            }
        }
        finally {
            if (!kept) {
                requests.release(scope, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void answerRepeat(IdempotentRequests.Seen seen, String fingerprint, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain, byte[] body) throws IOException, ServletException {
        if (seen == null) {
            // released between our claim and our read: it failed; run this one normally
            doFilterInternal(new CachedBodyRequest(request, body), response, chain);
            return;
        }
        if (!seen.fingerprint().equals(fingerprint)) {
            Problems.write(json, response, Problems.problem(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This " + HEADER + " was already used for a different request."));
            return;
        }
        if (!seen.completed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            Problems.write(json, response, Problems.problem(ProblemType.REQUEST_IN_PROGRESS, "A request with this " + HEADER + " is still running; retry shortly."));
            return;
        }
        response.setStatus(seen.status());
        if (seen.contentType() != null) {
            response.setContentType(seen.contentType());
        }
        if (seen.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, seen.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        if (seen.body() != null) {
            response.getOutputStream().write(seen.body());
        }
    }

    private String fingerprint(String path, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            mac.update(path.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(body));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
