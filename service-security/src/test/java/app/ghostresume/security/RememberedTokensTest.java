package app.ghostresume.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

    /**
     * "good-soon" expires after two minutes, and from then on the verifier decides on every use; "good-1" expires
     * after an hour, so it is remembered five minutes at a time.
     */
    static Stream<Arguments> rememberedFor() {
        return Stream.of(Arguments.of("good-soon", Duration.ofSeconds(120), false),
                Arguments.of("good-1", RememberedTokens.AT_MOST, true));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("rememberedFor")
    void aTokenIsRememberedUntilItExpiresOrForFiveMinutesWhicheverComesFirst(String token, Duration remembered,
            boolean rememberedAgain) {
        SteppingClock clock = new SteppingClock();
        clock.set(NOW);
        RememberedTokens tokens = new RememberedTokens(verifier, clock);
        tokens.decode(token);
        clock.set(NOW.plus(remembered).minusSeconds(1));
        tokens.decode(token);
        assertThat(verified).containsExactly(token);

        clock.set(NOW.plus(remembered));
        tokens.decode(token);
        tokens.decode(token);
        assertThat(verified).as("verified again once the time is up, then remembered again unless expired")
                .containsExactly(rememberedAgain ? new String[] { token, token } : new String[] { token, token, token });
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
