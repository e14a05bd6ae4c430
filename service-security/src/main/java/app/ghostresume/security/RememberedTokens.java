package app.ghostresume.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens it has verified until they expire, so a client sending the same bearer token with every
 * request pays for parsing it and checking its RSA signature once, not on each request (profiles put about a
 * sixth of a command's CPU time there, and more of a read's). A token is remembered only once the verifier accepted it, under its
 * exact text (signature included); past its expiry it goes back to the verifier, which applies its own rules
 * (clock skew included) and refuses it. Tokens that fail verification are never remembered.
 */
public final class RememberedTokens implements JwtDecoder {

    static final int CAPACITY = 10_000;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Map<String, Jwt> verified = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
            return size() > CAPACITY;
        }
    });

    public RememberedTokens(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
            verified.put(token, jwt);
        }
        else {
            verified.remove(token);
        }
        return jwt;
    }
}
