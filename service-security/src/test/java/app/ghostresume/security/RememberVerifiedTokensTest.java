package app.ghostresume.security;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

class RememberVerifiedTokensTest {

    private final RememberVerifiedTokens processor = new RememberVerifiedTokens(Clock.systemUTC());

    @Test
    void theServicesDecoderIsPutBehindRememberedTokensOnce() {
        JwtDecoder decoder = token -> {
            throw new UnsupportedOperationException();
        };

        Object wrapped = processor.postProcessAfterInitialization(decoder, "jwtDecoder");

        assertThat(wrapped).isInstanceOf(RememberedTokens.class);
        assertThat(processor.postProcessAfterInitialization(wrapped, "jwtDecoder")).isSameAs(wrapped);
    }

    @Test
    void otherBeansAreLeftAsTheyAre() {
        Object other = new Object();

        assertThat(processor.postProcessAfterInitialization(other, "other")).isSameAs(other);
    }
}
