package app.ghostresume.query.consumption;

import app.ghostresume.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record with the shared codec. An event this version cannot read, or cannot decode (then it becomes a dead
 * letter), is still placed in its aggregate's history from the envelope's own fields when it names them, so that
 * the events after it are not taken to have come too early.
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
            JsonNode envelope = envelope(value);
            String why = "undecodable: " + ex.getMessage();
            return placed(envelope) ? ReadRecord.undecodable(record, why, envelope.path("aggregateId").asString(),
                    envelope.path("aggregateSequence").asLong()) : ReadRecord.undecodable(record, why, null, -1);
        }
    }

    private ReadRecord unreadable(ConsumerRecord<byte[], byte[]> record, byte[] value) {
        JsonNode envelope = envelope(value);
        SkippedEvents.Kind kind = new SkippedEvents.Kind(envelope.path("type").asString("?"),
                envelope.path("version").asInt(0));
        return placed(envelope) ? ReadRecord.skipped(record, kind, envelope.path("aggregateId").asString(),
                envelope.path("aggregateSequence").asLong()) : ReadRecord.skipped(record, kind, null, -1);
    }

    /** The envelope as a tree, or an empty one when the bytes are no JSON. */
    private JsonNode envelope(byte[] value) {
        try {
            JsonNode tree = json.readTree(value);
            return tree == null ? json.createObjectNode() : tree;
        }
        catch (JacksonException ex) {
            return json.createObjectNode();
        }
    }

    private static boolean placed(JsonNode envelope) {
        return envelope.path("aggregateId").isString() && envelope.path("aggregateSequence").isIntegralNumber();
    }
}
