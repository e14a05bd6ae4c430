package app.ghostresume.query.target;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whose answers count in a target's statistics: seekers whose account is at least {@code seekerEstablishedAfter}
 * old and who have logged attempts to at least {@code seekerEstablishedTargets} targets.
 */
@ConfigurationProperties("query.targets")
record TargetSettings(@DefaultValue("P30D") Duration seekerEstablishedAfter,
        @DefaultValue("3") int seekerEstablishedTargets) {
}
