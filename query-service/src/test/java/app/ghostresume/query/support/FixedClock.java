package app.ghostresume.query.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Freezes "now" at {@link #NOW} so that days waiting are exact. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {

    /** Friday 20 March 2026, 13:00 in Paris. */
    public static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");

    @Bean
    @Primary
    Clock frozenClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
