package app.ghostresume.command.platform.publishing;

import java.time.Duration;

import app.ghostresume.events.EventTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where events go: the broker and the one topic every event is published to.
 *
 * @param bootstrapServers the brokers to reach
 * @param topic            the topic, as both services create it
 * @param deliveryTimeout  how long a send may take before the batch fails and is retried from its token
 */
@ConfigurationProperties("ghost.kafka")
public record KafkaSettings(String bootstrapServers, EventTopic topic, Duration deliveryTimeout) {

    public KafkaSettings {
        deliveryTimeout = deliveryTimeout == null ? Duration.ofSeconds(15) : deliveryTimeout;
    }
}
