package app.ghostresume.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens it has verified for a while, so a client sending the same bearer token with every request
 * pays for parsing it and checking its RSA signature once in a while, not on each request (profiles put about a
 * sixth of a command's CPU time there, and more of a read's). A token is remembered only once the verifier
 * accepted it, under its exact text (signature included), and for {@link #AT_MOST} at the most: until its expiry
 * if that comes first, and never longer, so that a change of the signing key (the query service re-reads the
 * issuer's key set as often) refuses a token within that time even if it claims to expire years later. Then it
 * goes back to the verifier, which applies its own rules (clock skew included). Tokens that fail verification are
 * never remembered.
 */
public final class RememberedTokens implements JwtDecoder {

    static final int CAPACITY = 10_000;
    static final Duration AT_MOST = Duration.ofMinutes(5);

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Remembered> verified = Caffeine.newBuilder().maximumSize(CAPACITY).build();

    public RememberedTokens(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Remembered known = verified.getIfPresent(token);
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.until())) {
            return known.jwt();
        }
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
            Instant until = now.plus(AT_MOST);
            verified.put(token, new Remembered(jwt, jwt.getExpiresAt().isBefore(until) ? jwt.getExpiresAt() : until));
        }
        else {
            verified.invalidate(token);
        }
        return jwt;
    }

    /** Forgets every token of a subject (a seeker who erased their account), so the next use is verified again. */
    public void forgetSubject(String subject) {
        verified.asMap().values().removeIf(remembered -> subject.equals(remembered.jwt().getSubject()));
    }

    private record Remembered(Jwt jwt, Instant until) {
    }
}
