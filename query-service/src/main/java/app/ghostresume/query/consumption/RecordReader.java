package app.ghostresume.query.consumption;

import app.ghostresume.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record with the shared codec. An event this version cannot read is still placed in its aggregate's
 * history from the envelope's own fields, so that the events after it are not taken to have come too early.
 */
@Component
class RecordReader {

    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    ReadRecord read(ConsumerRecord<byte[], byte[]> record) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        try {
            return codec.decode(value).map(event -> ReadRecord.event(record, event))
                    .orElseGet(() -> unreadable(record, value));
        }
        catch (EventCodec.UndecodableEventException ex) {
            return ReadRecord.undecodable(record, "undecodable: " + ex.getMessage());
        }
    }

    private ReadRecord unreadable(ConsumerRecord<byte[], byte[]> record, byte[] value) {
        try {
            JsonNode node = json.readTree(value);
            SkippedEvents.Kind kind = new SkippedEvents.Kind(node.path("type").asString("?"),
                    node.path("version").asInt(0));
            JsonNode aggregate = node.path("aggregateId");
            JsonNode sequence = node.path("aggregateSequence");
            return aggregate.isString() && sequence.isIntegralNumber()
                    ? ReadRecord.skipped(record, kind, aggregate.asString(), sequence.asLong())
                    : ReadRecord.skipped(record, kind, null, -1);
        }
        catch (JacksonException ex) {
            return ReadRecord.skipped(record, new SkippedEvents.Kind("?", 0), null, -1);
        }
    }
}
