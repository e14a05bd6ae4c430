package app.ghostresume.bench;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Where a topic's partitions begin and end: how many records a reader of the whole topic has to get through. */
final class TopicOffsets {

    private TopicOffsets() {
    }

    static List<TopicPartition> partitions(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers, false)) {
            return consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        }
    }

    static Map<TopicPartition, Long> end(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers, false)) {
            return consumer.endOffsets(partitions(bootstrapServers, topic));
        }
    }

    /** Records on the topic now: the sum over partitions of end minus beginning. */
    static long records(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers, false)) {
            List<TopicPartition> partitions = partitions(bootstrapServers, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            return partitions.stream().mapToLong(p -> end.get(p) - beginning.get(p)).sum();
        }
    }

    static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * A consumer without a group, for offsets and for reading assigned partitions. {@code readCommitted} with up
     * to 500 records a poll is how the query service reads; the publishers use no transactions, so offsets are
     * the same either way, and reading uncommitted spares the warnings read_committed logs for offsets of
     * unassigned partitions.
     */
    static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers, boolean readCommitted) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
