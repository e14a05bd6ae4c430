package app.ghostresume.command.platform.deadlines;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the persistent deadline scheduler runs.
 *
 * @param pollingInterval how often the scheduler looks for due deadlines: how late a deadline may fire at most
 * @param threads         deadlines handled at once
 * @param shutdownMaxWait how long stopping waits for deadlines being handled
 * @param heartbeat       how often an instance firing a deadline says it is alive; five missed beats and another
 *                        instance fires it again
 */
@ConfigurationProperties("ghost.deadlines")
public record DeadlineSettings(Duration pollingInterval, Integer threads, Duration shutdownMaxWait,
        Duration heartbeat) {

    public DeadlineSettings {
        pollingInterval = pollingInterval == null ? Duration.ofSeconds(10) : pollingInterval;
        threads = threads == null ? 4 : threads;
        shutdownMaxWait = shutdownMaxWait == null ? Duration.ofSeconds(10) : shutdownMaxWait;
        heartbeat = heartbeat == null ? Duration.ofSeconds(2) : heartbeat;
    }
}
