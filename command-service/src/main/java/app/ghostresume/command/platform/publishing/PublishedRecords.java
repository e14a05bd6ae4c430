package app.ghostresume.command.platform.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import app.ghostresume.events.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * What travels with each published record beside its event, and what its publication is measured by. The trace
 * the event carries in its metadata (from the command that caused it) is continued by a {@code publish} span,
 * from the send to Kafka's acknowledgement, whose context goes into the record's headers ({@code traceparent}) so
 * that the projection that applies the event joins the same trace. {@code ghost.publisher.latency} times each
 * event from being stored to being acknowledged by Kafka.
 */
@Component
class PublishedRecords {

    private final Propagator propagator;
    private final Timer latency;

    PublishedRecords(Propagator propagator, MeterRegistry meters) {
        this.propagator = propagator;
        this.latency = Timer.builder("ghost.publisher.latency")
                .description("from an event stored to its record acknowledged by Kafka")
                .publishPercentileHistogram().register(meters);
    }

    Publication publication(EventMessage<?> message, EventType type) {
        Headers headers = new RecordHeaders();
        Span span = null;
        if (propagator.fields().stream().anyMatch(message.getMetaData()::containsKey)) {
            span = propagator.extract(message.getMetaData(), PublishedRecords::metaDataValue)
                    .name("publish " + type.typeName())
                    .kind(Span.Kind.PRODUCER)
                    .tag("messaging.system", "kafka")
                    .tag("messaging.message.id", message.getIdentifier())
                    .start();
            propagator.inject(span.context(), headers,
                    (carrier, key, value) -> carrier.add(key, value.getBytes(StandardCharsets.UTF_8)));
        }
        return new Publication(message.getTimestamp(), span, headers);
    }

    private static String metaDataValue(Map<String, ?> metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    /** One record's publication: its headers, and what happens when Kafka answers. */
    final class Publication implements Callback {

        private final Instant stored;
        private final Span span;
        private final Headers headers;

        private Publication(Instant stored, Span span, Headers headers) {
            this.stored = stored;
            this.span = span;
            this.headers = headers;
        }

        Headers headers() {
            return headers;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception == null) {
                latency.record(Duration.between(stored, Instant.now()));
            }
            if (span != null) {
                if (exception != null) {
                    span.error(exception);
                }
                span.end();
            }
        }
    }
}
