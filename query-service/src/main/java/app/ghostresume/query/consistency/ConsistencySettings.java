package app.ghostresume.query.consistency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a read with a {@code Consistency-Token} waits for its write, and how many such reads may wait at once:
 * {@code waitsPerSeeker} for one seeker, {@code waits} in all.
 */
@ConfigurationProperties("query.consistency")
record ConsistencySettings(@DefaultValue("5s") Duration timeout, @DefaultValue("16") int waitsPerSeeker,
        @DefaultValue("2000") int waits) {
}
