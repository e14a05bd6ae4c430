package app.ghostresume.query.consumption;

import java.util.Optional;

import app.ghostresume.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record as the consumer read it: its event, or the kind of event this version cannot read ({@code skipped}),
 * or why it is no event at all ({@code undecodable}); and, when it names them, the aggregate and the place in the
 * aggregate's history it claims ({@code aggregateId} is {@code null} when it does not).
 */
record ReadRecord(ConsumerRecord<byte[], byte[]> record, Optional<EventEnvelope> event, SkippedEvents.Kind skipped,
        String undecodable, String aggregateId, long sequence) {

    static ReadRecord event(ConsumerRecord<byte[], byte[]> record, EventEnvelope event) {
        return new ReadRecord(record, Optional.of(event), null, null, event.aggregateId(), event.aggregateSequence());
    }

    static ReadRecord skipped(ConsumerRecord<byte[], byte[]> record, SkippedEvents.Kind kind, String aggregateId,
            long sequence) {
        return new ReadRecord(record, Optional.empty(), kind, null, aggregateId, sequence);
    }

    static ReadRecord undecodable(ConsumerRecord<byte[], byte[]> record, String why, String aggregateId,
            long sequence) {
        return new ReadRecord(record, Optional.empty(), null, why, aggregateId, sequence);
    }

    boolean placed() {
        return aggregateId != null;
    }
}
