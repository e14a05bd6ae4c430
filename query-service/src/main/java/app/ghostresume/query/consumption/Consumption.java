package app.ghostresume.query.consumption;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * What the generations of the read models ask of consumption: a consumer group's threads for a generation, where
 * a group stands (its offsets as stored beside its read models) and where the topic ends.
 */
@Component
public class Consumption {

    private final KafkaSettings settings;
    private final SeekerEventsTopic topic;
    private final BatchApplier applier;
    private final ConsumerOffsets offsets;
    private final ProjectionProgress progress;
    private final Admin admin;
    private final ConsumptionTelemetry telemetry;
    /** The topic's partitions, once known: their number never changes (see the README). */
    private volatile List<TopicPartition> partitions;

    Consumption(KafkaSettings settings, SeekerEventsTopic topic, BatchApplier applier, ConsumerOffsets offsets,
            ProjectionProgress progress, Admin admin, ConsumptionTelemetry telemetry) {
        if (settings.consumers() < 1) {
            throw new IllegalArgumentException("ghost.kafka.consumers must be at least 1, was " + settings.consumers());
        }
        this.settings = settings;
        this.topic = topic;
        this.applier = applier;
        this.offsets = offsets;
        this.progress = progress;
        this.admin = admin;
        this.telemetry = telemetry;
    }

    /**
     * The consumer group of a generation: the configured group's name with the generation's number, so that each
     * generation is read by a group of its own from offsets of its own.
     */
    public String group(int generation) {
        return settings.consumerGroup() + ".g" + generation;
    }

    public String topic() {
        return settings.topic().name();
    }

    /**
     * Consumer threads (not started) for {@code group}, each running inside {@code context}; {@code live} tells
     * whether what they fill is being read (its freshness and traces are measured then).
     */
    public EventConsumers consumers(String group, UnaryOperator<Runnable> context, BooleanSupplier live) {
        return EventConsumers.of(settings, topic, applier, offsets, progress, group, context, live, telemetry);
    }

    /** Where each partition of the topic ends for a reader of committed records; empty while Kafka is away. */
    public Map<TopicPartition, Long> endOffsets() throws InterruptedException {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(5, TimeUnit.SECONDS).forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
        catch (ExecutionException | TimeoutException ex) {
            return Map.of();
        }
    }

    private List<TopicPartition> partitions() throws InterruptedException, ExecutionException, TimeoutException {
        List<TopicPartition> known = partitions;
        if (known == null) {
            String name = settings.topic().name();
            known = admin.describeTopics(List.of(name)).allTopicNames().get(5, TimeUnit.SECONDS).get(name).partitions()
                    .stream().map(info -> new TopicPartition(name, info.partition())).toList();
            partitions = known;
        }
        return known;
    }
}
