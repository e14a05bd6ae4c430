package app.ghostresume.query.consumption;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the seeker events come from and how the consumer reads them.
 *
 * @param retryBackoff first pause after a failed batch; it grows with each consecutive failure
 */
@ConfigurationProperties("query.kafka")
record KafkaSettings(String bootstrapServers, String topic, int topicPartitions, String consumerGroup,
        int maxPollRecords, Duration retryBackoff) {
}
