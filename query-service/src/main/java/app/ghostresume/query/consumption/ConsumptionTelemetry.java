package app.ghostresume.query.consumption;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;

/**
 * What consumption tells operators: each consumer's own Kafka client metrics (among them
 * {@code kafka.consumer.fetch.manager.records.lag}, the lag per partition), {@code query.batch.size} and
 * {@code query.batch.duration} of every batch applied (tagged with whether it went into the live generation or one
 * being built), and, for the live generation only, {@code query.freshness}: each event's time from being stored
 * (its record's timestamp) to being projected, and a {@code project} span in the trace each record carries
 * ({@code traceparent}), so one trace runs from the command through Kafka to the batch that applied its event.
 */
@Component
class ConsumptionTelemetry {

    private static final String TRACE_PARENT = "traceparent";
    private static final Duration CLIENT_METRICS_REFRESH = Duration.ofSeconds(5);

    private final MeterRegistry meters;
    private final Propagator propagator;
    private final Timer freshness;
    private final Batches live;
    private final Batches building;
    private final ScheduledExecutorService clientMetricsRefresh = Executors.newSingleThreadScheduledExecutor(
            runnable -> {
                Thread thread = new Thread(runnable, "kafka-client-metrics");
                thread.setDaemon(true);
                return thread;
            });

    ConsumptionTelemetry(MeterRegistry meters, Propagator propagator) {
        this.meters = meters;
        this.propagator = propagator;
        this.freshness = Timer.builder("query.freshness")
                .description("from an event stored to its batch committed to the live read models")
                .publishPercentileHistogram().register(meters);
        this.live = new Batches(meters, "live");
        this.building = new Batches(meters, "building");
    }

    /** The meters of the batches applied into one kind of generation. */
    private record Batches(DistributionSummary size, Timer duration) {

        Batches(MeterRegistry meters, String generation) {
            this(DistributionSummary.builder("query.batch.size").baseUnit("records").tag("generation", generation)
                    .register(meters), Timer.builder("query.batch.duration").tag("generation", generation)
                    .register(meters));
        }
    }

    /**
     * The consumer's client metrics, to be closed with it. Kafka creates a partition's lag metric only once the
     * partition is assigned, so they are looked for again every few seconds (by one thread for all consumers).
     */
    KafkaClientMetrics bind(Consumer<?, ?> consumer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer, List.of(), clientMetricsRefresh,
                CLIENT_METRICS_REFRESH);
        metrics.bindTo(meters);
        return metrics;
    }

    /** Marks a batch polled now; {@link Batch#committed()} once it is in. */
    Batch batch(ConsumerRecords<byte[], byte[]> records, boolean live) {
        return new Batch(records, live, System.nanoTime(), System.currentTimeMillis());
    }

    final class Batch {

        private final ConsumerRecords<byte[], byte[]> records;
        private final boolean live;
        private final long startNanos;
        private final long startMillis;

        private Batch(ConsumerRecords<byte[], byte[]> records, boolean live, long startNanos, long startMillis) {
            this.records = records;
            this.live = live;
            this.startNanos = startNanos;
            this.startMillis = startMillis;
        }

        void committed() {
            Batches batches = live ? ConsumptionTelemetry.this.live : building;
            batches.size().record(records.count());
            batches.duration().record(Duration.ofNanos(System.nanoTime() - startNanos));
            if (!live) {
                return;
            }
            long now = System.currentTimeMillis();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                freshness.record(Math.max(0, now - record.timestamp()), TimeUnit.MILLISECONDS);
                if (record.headers().lastHeader(TRACE_PARENT) != null) {
                    traced(record, now);
                }
            }
        }

        private void traced(ConsumerRecord<byte[], byte[]> record, long now) {
            Span span = propagator.extract(record, ConsumptionTelemetry::header)
                    .name("project")
                    .kind(Span.Kind.CONSUMER)
                    .tag("messaging.system", "kafka")
                    .tag("messaging.destination.name", record.topic())
                    .tag("messaging.kafka.partition", String.valueOf(record.partition()))
                    .tag("messaging.kafka.offset", String.valueOf(record.offset()))
                    .tag("messaging.batch.message_count", String.valueOf(records.count()))
                    .startTimestamp(startMillis, TimeUnit.MILLISECONDS)
                    .start();
            span.end(now, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        clientMetricsRefresh.shutdownNow();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
