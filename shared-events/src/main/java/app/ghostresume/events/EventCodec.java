package app.ghostresume.events;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns envelopes into the JSON bytes of the topic and back. Dates are ISO-8601 strings, every field is
 * written (absent values as {@code null}), and fields a reader does not know are ignored so that additive
 * changes stay compatible.
 */
public final class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public byte[] encode(EventEnvelope envelope) {
        ObjectNode json = mapper.createObjectNode();
        json.put("eventId", envelope.eventId().toString());
        json.put("type", envelope.type());
        json.put("version", envelope.version());
        json.put("seekerId", envelope.seekerId().toString());
        json.put("aggregateId", envelope.aggregateId());
        json.put("aggregateSequence", envelope.aggregateSequence());
        json.put("occurredAt", envelope.occurredAt().toString());
        json.set("payload", mapper.valueToTree(envelope.payload()));
        return mapper.writeValueAsBytes(json);
    }

    /**
     * Reads an envelope. Returns empty for an event this reader cannot understand yet (an unknown type or a
     * newer version), and throws {@link UndecodableEventException} for bytes that are not an event at all.
     */
    public Optional<EventEnvelope> decode(byte[] bytes) {
        try {
            JsonNode json = mapper.readTree(bytes);
            Optional<EventType> type = EventType.named(text(json, "type"));
            int version = required(json, "version").asInt();
            if (type.isEmpty() || version > type.get().version()) {
                return Optional.empty();
            }
            SeekerEvent payload = mapper.treeToValue(required(json, "payload"), type.get().eventClass());
            return Optional.of(new EventEnvelope(UUID.fromString(text(json, "eventId")), type.get().typeName(),
                    version, UUID.fromString(text(json, "seekerId")), text(json, "aggregateId"),
                    required(json, "aggregateSequence").asLong(), Instant.parse(text(json, "occurredAt")),
                    payload));
        }
        catch (JacksonException | IllegalArgumentException | java.time.format.DateTimeParseException ex) {
            throw new UndecodableEventException(ex.getMessage(), ex);
        }
    }

    private static String text(JsonNode json, String field) {
        return required(json, field).asString();
    }

    private static JsonNode required(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new UndecodableEventException("missing field '" + field + "'", null);
        }
        return value;
    }

    public static final class UndecodableEventException extends RuntimeException {

        UndecodableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
