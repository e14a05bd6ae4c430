package app.ghostresume.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import app.ghostresume.events.EventCodec;
import app.ghostresume.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Watches the topic's end while freshness is measured and notes when each event arrived, by its consistency token
 * ({@code <aggregateId>.<sequence>}). That splits freshness into its two legs: the command side's publishing
 * (2xx → on the topic) and the query side's projecting (on the topic → visible), so a miss points at its side.
 */
final class TopicTail implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    TopicTail(String bootstrapServers, String topic) {
        this.consumer = TopicOffsets.consumer(bootstrapServers, false);
        List<TopicPartition> partitions = TopicOffsets.partitions(bootstrapServers, topic);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before commands are sent
        EventCodec codec = new EventCodec();
        this.thread = new Thread(() -> {
            try {
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        codec.decode(record.value()).map(EventEnvelope.class::cast).ifPresent(envelope ->
                                arrivals.putIfAbsent(envelope.aggregateId() + "." + envelope.aggregateSequence(),
                                        now));
                    }
                }
            }
            catch (WakeupException ex) {
                // closing
            }
            finally {
                consumer.close();
            }
        }, "bench-topic-tail");
        thread.start();
    }

    /** When the event named by a consistency token arrived on the topic (nanoTime), or null if it has not. */
    Long arrival(String consistencyToken) {
        return arrivals.get(consistencyToken);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
