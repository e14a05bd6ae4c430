package app.ghostresume.command.platform.publishing;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the broker answers. Reported under {@code /actuator/health}; it is deliberately not part of
 * readiness: commands are accepted while Kafka is away and published when it returns.
 */
@Component("kafka")
class KafkaHealthIndicator implements HealthIndicator {

    private final Admin admin;
    private final KafkaSettings settings;

    KafkaHealthIndicator(Admin admin, KafkaSettings settings) {
        this.admin = admin;
        this.settings = settings;
    }

    @Override
    public Health health() {
        try {
            String clusterId = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .clusterId().get(3, TimeUnit.SECONDS);
            return Health.up().withDetail("clusterId", clusterId).withDetail("topic", settings.topic().name()).build();
        }
        catch (Exception ex) {
            return Health.down().withDetail("bootstrapServers", settings.bootstrapServers())
                    .withDetail("error", String.valueOf(ex.getMessage())).build();
        }
    }
}
