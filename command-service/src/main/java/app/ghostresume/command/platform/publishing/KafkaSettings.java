package app.ghostresume.command.platform.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where events go: the broker, the one topic for seeker events and how it is created.
 *
 * @param bootstrapServers the brokers to reach
 * @param topic            the topic every seeker event is published to
 * @param partitions       partitions to create the topic with (events are keyed by seeker)
 */
@ConfigurationProperties("ghost.kafka")
public record KafkaSettings(String bootstrapServers, String topic, int partitions) {
}
