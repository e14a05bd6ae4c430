package app.ghostresume.query.insights;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import app.ghostresume.events.EventCodec;
import app.ghostresume.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the whole topic from its beginning to the end it had when the replay began, in its own consumer group
 * (never the live consumers' offsets), each partition in order, decoding each record with the shared codec; a
 * record this build cannot read is counted and passed over. When done, it commits the end offsets to its group, so
 * Kafka's tools show how far it read.
 */
final class TopicReplay {

    private final String bootstrapServers;
    private final String topic;
    private final String group;
    private final EventCodec codec = new EventCodec();

    TopicReplay(String bootstrapServers, String topic, String group) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.group = group;
    }

    private Optional<EventEnvelope> decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            return record.value() == null ? Optional.empty() : codec.decode(record.value());
        }
        catch (EventCodec.UndecodableEventException ex) {
            return Optional.empty();
        }
    }

    /** What a replay read: the records, and those it could not read. */
    record Read(long records, long unreadable) {
    }

    /** Progress as the replay goes: records read of the total. */
    interface Progress {

        void at(long read, long total);
    }

    /**
     * Feeds every event of the topic to {@code sink}, in each partition's order, each first passed through
     * {@code prepare}, which may run on any thread, in no particular order.
     */
    Read replay(UnaryOperator<EventEnvelope> prepare, Consumer<EventEnvelope> sink, Progress progress) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1048576");
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            List<TopicPartition> assigned = partitions.stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            long total = 0;
            for (TopicPartition partition : assigned) {
                total += end.get(partition) - begin.get(partition);
            }
            long read = 0;
            long unreadable = 0;
            progress.at(0, total);
            while (assigned.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        batch.add(record);
                    }
                }
                // decoded on every core, then taken in the batch's order: each partition's stays as it was
                List<Optional<EventEnvelope>> decoded = batch.parallelStream()
                        .map(record -> decode(record).map(prepare)).toList();
                read += batch.size();
                for (Optional<EventEnvelope> event : decoded) {
                    if (event.isPresent()) {
                        sink.accept(event.get());
                    }
                    else {
                        unreadable++;
                    }
                }
                progress.at(read, total);
            }
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
            end.forEach((partition, offset) -> committed.put(partition, new OffsetAndMetadata(offset)));
            consumer.commitSync(committed);
            return new Read(read, unreadable);
        }
    }
}
