package app.ghostresume.query.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import app.ghostresume.events.AttemptEvent;
import app.ghostresume.events.ChallengeEvent;
import app.ghostresume.events.EventCodec;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.GoalEvent;
import app.ghostresume.events.SeekerEvent;
import app.ghostresume.events.ShareEvent;
import app.ghostresume.stack.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Plays command-service's part on the topic: wraps events in envelopes numbered per aggregate, encodes them with
 * the shared codec and publishes them keyed by their ordering key (the seeker, the challenge or the share), as the real
 * publisher does.
 */
public final class EventStream implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final Map<String, Long> sequences = new HashMap<>();
    private final String topic;
    private KafkaProducer<byte[], byte[]> producer;

    public EventStream(String topic) {
        this.topic = topic;
    }

    /**
     * The next envelope of the event's aggregate: the attempt, goal, challenge or share for their events, else
     * the seeker. Sequences start at 0, as Axon's do.
     */
    public synchronized EventEnvelope envelope(SeekerEvent payload, Instant occurredAt) {
        String aggregateId = aggregateOf(payload).toString();
        long sequence = sequences.merge(aggregateId, 0L, (last, first) -> last + 1);
        return EventEnvelope.wrap(UUID.randomUUID(), aggregateId, sequence, occurredAt, payload);
    }

    public EventEnvelope publish(SeekerEvent payload, Instant occurredAt) {
        EventEnvelope envelope = envelope(payload, occurredAt);
        publish(envelope);
        return envelope;
    }

    public void publish(EventEnvelope... envelopes) {
        publish(List.of(envelopes));
    }

    public void publish(List<EventEnvelope> envelopes) {
        List<Future<RecordMetadata>> sent = envelopes.stream()
                .map(envelope -> producer().send(new ProducerRecord<>(topic, key(envelope.payload().orderingKey()),
                        codec.encode(envelope))))
                .toList();
        await(sent);
    }

    /** Publishes one event whose record carries a W3C trace context, as the command service's records do. */
    public void publishTraced(EventEnvelope envelope, String traceparent) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key(envelope.payload().orderingKey()),
                codec.encode(envelope));
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        await(List.of(producer().send(record)));
    }

    /** Publishes bytes as they are, to test what the consumer does with records that are not proper events. */
    public void publishRaw(UUID seekerId, byte[] value) {
        await(List.of(producer().send(new ProducerRecord<>(topic, key(seekerId), value))));
    }

    public byte[] encode(EventEnvelope envelope) {
        return codec.encode(envelope);
    }

    /** Drops the producer so the next publish connects afresh, e.g. after a broker restart. */
    public synchronized void reconnect() {
        close();
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 0,
                    // one request in flight: on a topic created a moment ago the first sends can meet a partition
                    // whose leader is not settled, and with several in flight the idempotent producer may then
                    // see its own later batches land first and retry the refused one as out of order until it
                    // times out
                    ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private static UUID aggregateOf(SeekerEvent payload) {
        if (payload instanceof AttemptEvent attempt) {
            return attempt.attemptId();
        }
        if (payload instanceof GoalEvent goal) {
            return goal.goalId();
        }
        if (payload instanceof ChallengeEvent challenge) {
            return challenge.challengeId();
        }
        if (payload instanceof ShareEvent share) {
            return share.shareId();
        }
        return payload.seekerId();
    }

    private static byte[] key(UUID orderingKey) {
        return orderingKey.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void await(List<Future<RecordMetadata>> sent) {
        try {
            for (Future<RecordMetadata> future : sent) {
                future.get();
            }
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("publishing failed", ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
