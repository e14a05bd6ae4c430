package app.ghostresume.query.consumption;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * The threads of one consumer group that read the seeker-events topic into one generation of the read models:
 * {@code ghost.kafka.consumers} members, among which Kafka shares the partitions (with the group's members in
 * other instances). While one thread waits on PostgreSQL for its batch, another decodes or applies its own, so the
 * projection is not one round trip after another. Read models never need two partitions' events in a given order,
 * and each row is changed only by events of one ordering key (one partition), so the members apply their batches
 * independently. More members than partitions would idle. Made by {@link Consumption#consumers}.
 */
public final class EventConsumers {

    private static final long STOP_TIMEOUT_SECONDS = 15;

    private final List<EventConsumer> members;
    private final String group;
    private volatile boolean running;

    EventConsumers(List<EventConsumer> members, String group) {
        this.members = List.copyOf(members);
        this.group = group;
    }

    static EventConsumers of(KafkaSettings settings, SeekerEventsTopic topic, BatchApplier applier,
            ConsumerOffsets offsets, ProjectionProgress progress, String group, UnaryOperator<Runnable> context,
            BooleanSupplier live, ConsumptionTelemetry telemetry) {
        List<EventConsumer> members = new ArrayList<>();
        for (int i = 1; i <= settings.consumers(); i++) {
            members.add(new EventConsumer(settings, topic, applier, offsets, progress, group, context, live,
                    telemetry, group + "-consumer-" + i));
        }
        return new EventConsumers(members, group);
    }

    public String group() {
        return group;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        List<EventConsumer> started = new ArrayList<>();
        try {
            for (EventConsumer member : members) {
                member.start();
                started.add(member);
            }
        }
        catch (RuntimeException ex) {
            stopAll(started);
            throw ex;
        }
        running = true;
    }

    /** Asks every member to stop at once, then waits for them together (at most 15 s in all). */
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

    /**
     * Every member's thread is alive; {@code false} as soon as one has stopped on an unexpected error. Never waits
     * for a stop in progress.
     */
    public boolean allConsuming() {
        return running && members.stream().allMatch(EventConsumer::isRunning);
    }
}
