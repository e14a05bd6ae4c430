package app.ghostresume.command.platform.publishing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where events go: the broker, the one topic for seeker events and how it is created.
 *
 * @param bootstrapServers the brokers to reach
 * @param topic            the topic every seeker event is published to
 * @param partitions       partitions to create the topic with (events are keyed by seeker)
 * @param deliveryTimeout  how long a send may take before the batch fails and is retried from its token
 */
@ConfigurationProperties("ghost.kafka")
public record KafkaSettings(String bootstrapServers, String topic, int partitions, Duration deliveryTimeout) {

    public KafkaSettings {
        deliveryTimeout = deliveryTimeout == null ? Duration.ofSeconds(15) : deliveryTimeout;
    }
}
