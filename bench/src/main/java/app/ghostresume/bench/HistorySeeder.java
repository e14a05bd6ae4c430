package app.ghostresume.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import app.ghostresume.events.EventCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts a {@link SeededHistory} on the topic exactly as the command service's publisher would (personal fields sealed
 * with each seeker's key, the shared codec, keyed by each event's ordering key, the publisher's idempotent lz4
 * producer settings), then waits until the
 * running query service has projected all of it. The time that takes is reported too: it is the query side
 * catching up live, while the producer is still sending.
 */
final class HistorySeeder {

    private HistorySeeder() {
    }

    static Seeded seed(SeededHistory history, SealingCost sealing, String bootstrapServers, String topic,
            ProjectedOffsets projected, Duration limit) throws InterruptedException {
        EventCodec codec = new EventCodec();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long before = projected.total();
        long start = System.nanoTime();
        long published;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "bench-seeder",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new ByteArraySerializer())) {
            published = history.publish(envelope -> producer.send(new ProducerRecord<>(topic,
                    envelope.payload().orderingKey().toString(), codec.encode(sealing.seal(envelope))),
                    (metadata, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                    }));
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("seeding the topic failed", failure.get());
        }
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        long target = TopicOffsets.sum(TopicOffsets.end(bootstrapServers, topic));
        ProjectedOffsets.Progress progress = projected.awaitTotal(target, limit, Duration.ofMillis(200));
        return new Seeded(published, publishSeconds, (System.nanoTime() - start) / 1e9, progress.projected() - before,
                target - before, progress.caughtUp());
    }

    /**
     * @param seconds     from the first send until the query service had projected everything (or gave up)
     * @param projected   records the query service projected in that time, of the {@code newOnTopic} that
     *                    were added to the topic meanwhile
     */
    record Seeded(long events, double publishSeconds, double seconds, long projected, long newOnTopic,
            boolean caughtUp) {

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("events", events);
            map.put("publishSeconds", Measurement.round(publishSeconds));
            map.put("publishedPerSecond", Measurement.round(events / publishSeconds));
            map.put("projectedSeconds", Measurement.round(seconds));
            map.put("projectedPerSecond", Measurement.round(projected / seconds));
            map.put("recordsAddedToTopic", newOnTopic);
            map.put("recordsProjected", projected);
            map.put("caughtUp", caughtUp);
            return map;
        }
    }
}
