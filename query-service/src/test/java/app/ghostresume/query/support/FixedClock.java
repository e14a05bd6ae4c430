package app.ghostresume.query.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Freezes "now" so that days waiting, periods and streaks are exact: at {@link #NOW}, or at the instant a test
 * class sets in {@value #PROPERTY}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {

    /** Friday 20 March 2026, 13:00 in Paris. */
    public static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");

    public static final String PROPERTY = "test.clock.now";

    @Bean
    @Primary
    Clock frozenClock(@Value("${" + PROPERTY + ":}") String now) {
        return Clock.fixed(now.isBlank() ? NOW : Instant.parse(now), ZoneOffset.UTC);
    }
}
