package app.ghostresume.query.consumption;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The threads that read the seeker-events topic: {@code ghost.kafka.consumers} members of the consumer group,
 * among which Kafka shares the partitions. While one thread waits on PostgreSQL for its batch, another decodes
 * or applies its own, so the projection is not one round trip after another. Read models never need two
 * partitions' events in a given order, and each row is changed only by events of one ordering key (one
 * partition), so the members apply their batches independently. More members than partitions would idle.
 */
@Component
class EventConsumers implements SmartLifecycle {

    private static final long STOP_TIMEOUT_SECONDS = 15;

    private final KafkaSettings settings;
    private final SeekerEventsTopic topic;
    private final BatchApplier applier;
    private final ConsumerOffsets offsets;
    private final ProjectionProgress progress;
    private final ReadModelRebuild rebuild;
    private volatile List<EventConsumer> members = List.of();
    private volatile boolean running;

    EventConsumers(KafkaSettings settings, SeekerEventsTopic topic, BatchApplier applier, ConsumerOffsets offsets,
            ProjectionProgress progress, ReadModelRebuild rebuild) {
        if (settings.consumers() < 1) {
            throw new IllegalArgumentException("ghost.kafka.consumers must be at least 1, was " + settings.consumers());
        }
        this.settings = settings;
        this.topic = topic;
        this.applier = applier;
        this.offsets = offsets;
        this.progress = progress;
        this.rebuild = rebuild;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        rebuild.runIfRequested();
        List<EventConsumer> started = new ArrayList<>();
        try {
            for (int i = 1; i <= settings.consumers(); i++) {
                EventConsumer member = new EventConsumer(settings, topic, applier, offsets, progress,
                        settings.consumerGroup() + "-consumer-" + i);
                member.start();
                started.add(member);
            }
        }
        catch (RuntimeException ex) {
            stopAll(started);
            throw ex;
        }
        members = List.copyOf(started);
        running = true;
    }

    /** Asks every member to stop at once, then waits for them together (at most 15 s in all). */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        stopAll(members);
    }

    private static void stopAll(List<EventConsumer> members) {
        members.forEach(EventConsumer::requestStop);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_TIMEOUT_SECONDS);
        try {
            for (EventConsumer member : members) {
                member.awaitStopped(deadline);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Every member's thread is alive; {@code false} as soon as one has stopped on an unexpected error. */
    boolean allConsuming() {
        return running && members.stream().allMatch(EventConsumer::isRunning);
    }
}
