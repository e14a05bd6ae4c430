package app.ghostresume.query.consumption;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that reads the seeker-events topic, as one member of a consumer group (see
 * {@link EventConsumers}), running in the context it is given (a generation of the read models). Offsets live in PostgreSQL: on assignment each partition
 * is positioned at its stored offset, each batch is applied with its offsets in one transaction, and Kafka's
 * own committed offsets are written afterwards only so that lag can be monitored. When a batch fails (database
 * down...), the partitions are rewound to where the batch began and it is retried after a growing pause. Kafka
 * outages are ridden out by the client's reconnection.
 */
final class EventConsumer {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final KafkaSettings settings;
    private final SeekerEventsTopic topic;
    private final BatchApplier applier;
    private final ConsumerOffsets offsets;
    private final ProjectionProgress progress;
    private final String group;
    private final UnaryOperator<Runnable> context;
    private final BooleanSupplier live;
    private final ConsumptionTelemetry telemetry;
    private final String name;
    private final Set<TopicPartition> awaitingSeek = new HashSet<>();
    private volatile boolean running;
    private volatile CountDownLatch stopRequested = new CountDownLatch(1);
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    EventConsumer(KafkaSettings settings, SeekerEventsTopic topic, BatchApplier applier, ConsumerOffsets offsets,
            ProjectionProgress progress, String group, UnaryOperator<Runnable> context, BooleanSupplier live,
            ConsumptionTelemetry telemetry, String name) {
        this.settings = settings;
        this.topic = topic;
        this.applier = applier;
        this.offsets = offsets;
        this.progress = progress;
        this.group = group;
        this.context = context;
        this.live = live;
        this.telemetry = telemetry;
        this.name = name;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        stopRequested = new CountDownLatch(1);
        consumer = new KafkaConsumer<>(consumerProperties());
        running = true;
        thread = new Thread(context.apply(this::consume), name);
        thread.start();
    }

    /** Asks the thread to stop: it finishes or abandons its batch, then leaves the group. */
    synchronized void requestStop() {
        if (!running) {
            return;
        }
        running = false;
        stopRequested.countDown();
        consumer.wakeup();
    }

    /** Waits for the thread to end, at most until {@code deadlineNanos} ({@link System#nanoTime()}). */
    void awaitStopped(long deadlineNanos) throws InterruptedException {
        Thread started = thread;
        if (started != null) {
            started.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
        }
    }

    /** {@code false} once stopped, also when the thread ended on an unexpected error. */
    boolean isRunning() {
        return running;
    }

    private void consume() {
        KafkaClientMetrics clientMetrics = telemetry.bind(consumer);
        try {
            createTopic();
            consumer.subscribe(List.of(settings.topic().name()), new SeekToStoredOffsets());
            int failures = 0;
            while (running) {
                try {
                    failures = pollAndApply(failures);
                }
                catch (WakeupException ex) {
                    throw ex;
                }
                catch (KafkaException ex) {
                    log.warn("Polling {} failed, retrying: {}", settings.topic().name(), ex.toString());
                    pause(backoff(1));
                }
            }
        }
        catch (WakeupException ex) {
            if (running) {
                log.error("Consumer woken up unexpectedly", ex);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (RuntimeException | Error ex) {
            log.error("Consumer stopped on an unexpected error", ex);
            throw ex;
        }
        finally {
            running = false;
            clientMetrics.close();
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            log.info("{} stopped consuming {}", name, settings.topic().name());
        }
    }

    /** Polls once and applies what came; returns the number of consecutive failed batches. */
    private int pollAndApply(int failures) throws InterruptedException {
        seekAwaitingPartitions();
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
        if (records.isEmpty()) {
            return failures;
        }
        try {
            ConsumptionTelemetry.Batch batch = telemetry.batch(records, live.getAsBoolean());
            Map<TopicPartition, Long> committed = applier.apply(records, group);
            batch.committed();
            progress.batchCommitted();
            consumer.commitAsync(committed.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    entry -> new OffsetAndMetadata(entry.getValue()))), null);
            return 0;
        }
        catch (RuntimeException ex) {
            Duration backoff = backoff(failures + 1);
            log.warn("Could not apply a batch of {} records (attempt {}), retrying in {}: {}", records.count(),
                    failures + 1, backoff, ex.toString());
            rewind(records);
            pause(backoff);
            return failures + 1;
        }
    }

    private void createTopic() throws InterruptedException {
        int failures = 0;
        while (running && !topic.ensureExists()) {
            pause(backoff(++failures));
        }
    }

    /** Puts each partition of a failed batch back where the batch began, which is its stored offset. */
    private void rewind(ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    /** Seeks newly assigned partitions to their stored offsets; keeps them paused while the database is away. */
    private void seekAwaitingPartitions() {
        if (awaitingSeek.isEmpty()) {
            return;
        }
        try {
            Map<TopicPartition, Long> stored = offsets.load(group, awaitingSeek);
            for (TopicPartition partition : awaitingSeek) {
                Long next = stored.get(partition);
                if (next == null) {
                    consumer.seekToBeginning(List.of(partition));
                }
                else {
                    consumer.seek(partition, next);
                }
            }
            consumer.resume(awaitingSeek);
            log.info("Consuming {} from stored offsets {}", awaitingSeek, stored);
            awaitingSeek.clear();
        }
        catch (RuntimeException ex) {
            log.warn("Could not read stored offsets, holding partitions {}: {}", awaitingSeek, ex.toString());
            consumer.pause(awaitingSeek);
        }
    }

    private Duration backoff(int failures) {
        Duration backoff = settings.retryBackoff().multipliedBy(Math.min(failures, 10));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    private void pause(Duration duration) throws InterruptedException {
        stopRequested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Far above the time one batch takes (well under a second; retry back-off is capped at 10 s). */
    private static final int MAX_POLL_INTERVAL_MS = 30_000;

    private Map<String, Object> consumerProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                (int) settings.sessionTimeout().dividedBy(3).toMillis());
        // also the rebalance timeout: how long a rebalance waits on a member that died while joining
        properties.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, MAX_POLL_INTERVAL_MS);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return properties;
    }

    /** Positions assigned partitions from PostgreSQL, the source of truth, rather than Kafka's committed offsets. */
    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            awaitingSeek.addAll(partitions);
            seekAwaitingPartitions();
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            awaitingSeek.removeAll(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            awaitingSeek.removeAll(partitions);
        }
    }
}
