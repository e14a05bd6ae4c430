package app.ghostresume.query.consumption;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the seeker events come from and how the consumer reads them.
 *
 * @param consumers      how many consumer threads this instance runs, each a member of the group
 * @param retryBackoff   first pause after a failed batch; it grows with each consecutive failure
 * @param sessionTimeout how long the group waits for an instance that stopped heartbeating (one that crashed)
 *                       before giving its partitions to the others
 */
@ConfigurationProperties("query.kafka")
record KafkaSettings(String bootstrapServers, String topic, int topicPartitions, String consumerGroup,
        int consumers, int maxPollRecords, Duration retryBackoff, Duration sessionTimeout) {
}
