package app.ghostresume.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RememberedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final List<String> verified = new ArrayList<>();
    /**
     * Accepts "good-*" tokens (expiring an hour after NOW, two minutes after it for "good-soon", before it for
     * "good-expired"), refuses the rest.
     */
    private final JwtDecoder verifier = token -> {
        verified.add(token);
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        Instant expiresAt = switch (token) {
            case "good-expired" -> NOW.minusSeconds(1);
            case "good-soon" -> NOW.plusSeconds(120);
            default -> NOW.plusSeconds(3600);
        };
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("s").issuedAt(NOW.minusSeconds(60))
                .expiresAt(expiresAt).build();
    };

    @Test
    void aVerifiedTokenIsVerifiedOnceUntilItExpires() {
        RememberedTokens tokens = new RememberedTokens(verifier, Clock.fixed(NOW, ZoneOffset.UTC));

        Jwt first = tokens.decode("good-1");
        Jwt again = tokens.decode("good-1");

        assertThat(again).isSameAs(first);
        assertThat(verified).containsExactly("good-1");
    }

    @Test
    void pastItsExpiryATokenGoesBackToTheVerifier() {
        SteppingClock clock = new SteppingClock();
        clock.set(NOW);
        RememberedTokens tokens = new RememberedTokens(verifier, clock);
        tokens.decode("good-soon");
        clock.set(NOW.plusSeconds(119));
        tokens.decode("good-soon");
        assertThat(verified).containsExactly("good-soon");

        clock.set(NOW.plusSeconds(120));
        tokens.decode("good-soon");
        tokens.decode("good-soon");

        assertThat(verified).as("the verifier decides on every use once it has expired")
                .containsExactly("good-soon", "good-soon", "good-soon");
    }

    @Test
    void aTokenThatExpiresLateIsVerifiedAgainAfterFiveMinutes() {
        SteppingClock clock = new SteppingClock();
        clock.set(NOW);
        RememberedTokens tokens = new RememberedTokens(verifier, clock);
        tokens.decode("good-1");
        clock.set(NOW.plus(RememberedTokens.AT_MOST).minusSeconds(1));
        tokens.decode("good-1");
        assertThat(verified).containsExactly("good-1");

        clock.set(NOW.plus(RememberedTokens.AT_MOST));
        tokens.decode("good-1");
        tokens.decode("good-1");

        assertThat(verified).as("verified again once, then remembered for five more minutes")
                .containsExactly("good-1", "good-1");
    }

    @Test
    void refusedOrExpiredTokensAreNeverRemembered() {
        RememberedTokens tokens = new RememberedTokens(verifier, Clock.fixed(NOW, ZoneOffset.UTC));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
            tokens.decode("good-expired");
        }

        assertThat(verified).containsExactly("forged", "good-expired", "forged", "good-expired");
    }

    /** A clock that stands where the test last set it. */
    private static final class SteppingClock extends Clock {

        private volatile Instant now;

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
