package app.ghostresume.command.platform.publishing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import app.ghostresume.command.platform.personaldata.SealingSerializer;
import app.ghostresume.events.EventCodec;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.EventType;
import app.ghostresume.events.SeekerEvent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored event to Kafka, keyed by its {@link app.ghostresume.events.SeekerEvent#orderingKey()
 * ordering key}: the challenge for a {@link app.ghostresume.events.ChallengeEvent}, the share for a
 * {@link app.ghostresume.events.ShareEvent}, the seeker for every other event. So each seeker's, each
 * challenge's and each share's events stay in order.
 * Sends within a processor batch go out asynchronously; before the batch commits (and the processor's token
 * advances) every send must be acknowledged, or the batch fails and is retried. A retry may publish an event
 * twice; consumers drop the copy by its {@code eventId}. Each record's timestamp is the time its event was stored,
 * and its headers carry the trace of the command that caused it ({@link PublishedRecords}).
 */
@Component
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
class KafkaPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING_ACKS = KafkaPublisher.class.getName() + ".pendingAcks";

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Duration deliveryTimeout;
    private final EventCodec codec = new EventCodec();

    private final SealingSerializer serializer;
    private final PublishedRecords records;

    KafkaPublisher(Producer<String, byte[]> producer, KafkaSettings settings,
            @Qualifier("eventSerializer") Serializer serializer, PublishedRecords records) {
        this.producer = producer;
        this.records = records;
        this.serializer = (SealingSerializer) serializer;
        this.topic = settings.topic().name();
        this.deliveryTimeout = settings.deliveryTimeout();
    }

    /**
     * Publishes the event as stored, its personal fields still sealed: the payload's stored bytes are read without
     * opening them, so publishing costs no cryptography (and a seeker erased meanwhile stays unreadable).
     */
    @EventHandler(payloadType = SeekerEvent.class)
    void on(DomainEventMessage<?> message) {
        SeekerEvent event = serializer.deserializeSealed(message.serializePayload(serializer, byte[].class));
        EventEnvelope envelope = EventEnvelope.wrap(UUID.fromString(message.getIdentifier()),
                message.getAggregateIdentifier(), message.getSequenceNumber(), message.getTimestamp(), event);
        List<Future<RecordMetadata>> acks = pendingAcks();
        failFastIfAnySendFailed(acks);
        PublishedRecords.Publication publication = records.publication(message, EventType.of(event));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null,
                message.getTimestamp().toEpochMilli(), event.orderingKey().toString(), codec.encode(envelope),
                publication.headers());
        acks.add(producer.send(record, publication));
    }

    /**
     * Drops acknowledgements already received and fails at once on a send already refused: while the broker
     * is away each send blocks for up to a third of the delivery timeout, and the batch is lost anyway.
     */
    private static void failFastIfAnySendFailed(List<Future<RecordMetadata>> acks) {
        acks.removeIf(ack -> ack.isDone() && acknowledged(ack));
    }

    private static boolean acknowledged(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return true;
        }
        catch (ExecutionException ex) {
            throw new PublicationFailedException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PublicationFailedException(ex);
        }
    }

    private List<Future<RecordMetadata>> pendingAcks() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_ACKS, key -> {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAll(acks));
            return acks;
        });
    }

    private void awaitAll(List<Future<RecordMetadata>> acks) {
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(deliveryTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (ExecutionException | TimeoutException ex) {
                throw new PublicationFailedException(ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new PublicationFailedException(ex);
            }
        }
    }

    /** Kafka did not acknowledge an event; the batch will be retried. */
    static final class PublicationFailedException extends RuntimeException {

        PublicationFailedException(Exception cause) {
            super("Kafka did not acknowledge an event: " + cause.getMessage(), cause);
        }
    }
}
