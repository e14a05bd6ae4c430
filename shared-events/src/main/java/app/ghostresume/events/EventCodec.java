package app.ghostresume.events;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns envelopes into the JSON bytes of the topic and back. Dates are ISO-8601 strings, every field is
 * written (absent values as {@code null}), and fields a reader does not know are ignored so that additive
 * changes stay compatible.
 */
public final class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // a field written twice (say a second "type" after the payload) would make the envelope ambiguous
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final Map<EventType, ObjectReader> readers = new EnumMap<>(EventType.class);

    public EventCodec() {
        for (EventType type : EventType.values()) {
            // the payload is read from the middle of the envelope: what follows it is the envelope's
            readers.put(type, mapper.readerFor(type.eventClass())
                    .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
        }
    }

    /** Writes the envelope as a stream, the payload straight from its record, without a tree in between. */
    public byte[] encode(EventEnvelope envelope) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator json = mapper.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringProperty("eventId", envelope.eventId().toString());
            json.writeStringProperty("type", envelope.type());
            json.writeNumberProperty("version", envelope.version());
            json.writeStringProperty("seekerId", envelope.seekerId().toString());
            json.writeStringProperty("aggregateId", envelope.aggregateId());
            json.writeNumberProperty("aggregateSequence", envelope.aggregateSequence());
            json.writeStringProperty("occurredAt", envelope.occurredAt().toString());
            json.writePOJOProperty("payload", envelope.payload());
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /**
     * Reads an envelope. Returns empty for an event this reader cannot understand yet (an unknown type or a
     * newer version), and throws {@link UndecodableEventException} for bytes that are not an event at all.
     * Reads the bytes once, as a stream: the payload goes straight into its record when its type came before
     * it, as this codec writes it; only a payload written ahead of its type is held as a tree until the type is
     * known.
     */
    public Optional<EventEnvelope> decode(byte[] bytes) {
        try (JsonParser parser = mapper.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UndecodableEventException("not a JSON object", null);
            }
            Fields fields = new Fields();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                fields.read(name, parser);
            }
            if (parser.nextToken() != null) {
                throw new UndecodableEventException("more than one JSON value", null);
            }
            return fields.envelope();
        }
        catch (JacksonException | IllegalArgumentException | java.time.format.DateTimeParseException ex) {
            throw new UndecodableEventException(ex.getMessage(), ex);
        }
    }

    /** The envelope's fields as they come; the payload is read as soon as its type is known to be readable. */
    private final class Fields {

        private String eventId;
        private String typeName;
        private Integer version;
        private String seekerId;
        private String aggregateId;
        private Long aggregateSequence;
        private String occurredAt;
        private SeekerEvent payload;
        private JsonNode payloadAhead;
        private boolean payloadSeen;

        void read(String name, JsonParser parser) {
            switch (name) {
                case "eventId" -> eventId = scalar(parser);
                case "type" -> typeName = scalar(parser);
                case "version" -> version = scalar(parser) == null ? null : parser.getValueAsInt();
                case "seekerId" -> seekerId = scalar(parser);
                case "aggregateId" -> aggregateId = scalar(parser);
                case "aggregateSequence" -> aggregateSequence = scalar(parser) == null ? null
                        : parser.getValueAsLong();
                case "occurredAt" -> occurredAt = scalar(parser);
                case "payload" -> payload(parser);
                default -> parser.skipChildren();
            }
        }

        private void payload(JsonParser parser) {
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
                return;
            }
            payloadSeen = true;
            Optional<EventType> readable = readableType();
            if (readable.isPresent()) {
                payload = readers.get(readable.get()).readValue(parser);
            }
            else if (typeName == null || version == null) {
                payloadAhead = parser.readValueAsTree();
            }
            else {
                parser.skipChildren();
            }
        }

        /** The type, once both it and the version are known and this reader understands them. */
        private Optional<EventType> readableType() {
            if (typeName == null || version == null) {
                return Optional.empty();
            }
            return EventType.named(typeName).filter(type -> version <= type.version());
        }

        Optional<EventEnvelope> envelope() {
            require(typeName, "type");
            require(version, "version");
            Optional<EventType> readable = readableType();
            if (readable.isEmpty()) {
                return Optional.empty();
            }
            if (!payloadSeen) {
                throw new UndecodableEventException("missing field 'payload'", null);
            }
            SeekerEvent event = payload != null ? payload
                    : mapper.treeToValue(payloadAhead, readable.get().eventClass());
            return Optional.of(new EventEnvelope(UUID.fromString(require(eventId, "eventId")),
                    readable.get().typeName(), version, UUID.fromString(require(seekerId, "seekerId")),
                    require(aggregateId, "aggregateId"), require(aggregateSequence, "aggregateSequence"),
                    Instant.parse(require(occurredAt, "occurredAt")), event));
        }
    }

    /** A scalar's text ({@code null} for JSON null); an object or array is not a scalar. */
    private static String scalar(JsonParser parser) {
        if (parser.currentToken().isStructStart()) {
            throw new UndecodableEventException("'" + parser.currentName() + "' is not a scalar", null);
        }
        return parser.currentToken() == JsonToken.VALUE_NULL ? null : parser.getString();
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
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
