package app.ghostresume.security;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Puts {@link RememberedTokens} in front of the service's {@link JwtDecoder}, however that decoder was made (the
 * query service's comes from Spring Boot, configured with the issuer's key set). Register it as a {@code static}
 * bean so that it is in place before the decoder is created.
 */
public final class RememberVerifiedTokens implements BeanPostProcessor {

    private final Clock clock;

    public RememberVerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof JwtDecoder decoder && !(bean instanceof RememberedTokens)) {
            return new RememberedTokens(decoder, clock);
        }
        return bean;
    }
}
