package app.ghostresume.query.consumption;

import java.time.Duration;

import app.ghostresume.events.EventTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the events come from (the topic as both services create it, {@link EventTopic}) and how the consumer
 * reads them.
 *
 * @param consumers      how many consumer threads this instance runs, each a member of the group
 * @param retryBackoff   first pause after a failed batch; it grows with each consecutive failure
 * @param sessionTimeout how long the group waits for an instance that stopped heartbeating (one that crashed)
 *                       before giving its partitions to the others
 */
@ConfigurationProperties("ghost.kafka")
record KafkaSettings(String bootstrapServers, EventTopic topic, String consumerGroup,
        int consumers, int maxPollRecords, Duration retryBackoff, Duration sessionTimeout) {
}
