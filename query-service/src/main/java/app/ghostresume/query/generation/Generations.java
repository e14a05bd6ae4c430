package app.ghostresume.query.generation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import app.ghostresume.query.consumption.Consumption;
import app.ghostresume.query.consumption.EventConsumers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance in step with {@code read_model_generation}: once a second (and at once after a change made
 * here) it reads the table and runs a consumer group for the live generation and for the one being built, stops
 * those of any other, migrates a generation still being prepared (another instance may have died doing it), tries
 * the switch once a rebuilt generation has come within {@code switchWithin} records of the live one, and drops the
 * schemas of generations ended longer than {@code dropAfter} ago. Any instance may do any of it: each change is one
 * transaction behind one lock ({@link GenerationStore}), so several instances agree, and one that was away
 * catches up on its first look. A rebuild's progress is logged every {@code progressLog} and kept as metrics.
 */
@Component
class Generations implements InitializingBean, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Generations.class);
    private static final long RATE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ReadModelDataSource dataSource;
    private final GenerationStore store;
    private final Consumption consumption;
    private final GenerationSettings settings;
    private final String topic;
    private final Map<Integer, EventConsumers> consuming = new ConcurrentHashMap<>();
    private final Deque<long[]> samples = new ArrayDeque<>();
    private final AtomicReference<RebuildProgress> latest = new AtomicReference<>();
    private final MultiGauge partitionLag;
    private ScheduledExecutorService follower;
    private long lastLogged;
    private volatile boolean running;

    Generations(ReadModelDataSource dataSource, Consumption consumption, GenerationSettings settings,
            MeterRegistry meters) {
        this.dataSource = dataSource;
        this.store = new GenerationStore(dataSource.control());
        this.consumption = consumption;
        this.settings = settings;
        this.topic = consumption.topic();
        Gauge.builder("query.read_models.live_generation", () -> dataSource.live().number())
                .description("the generation of the read models that answers reads").register(meters);
        Gauge.builder("query.read_models.rebuild.applied", () -> progressValue(RebuildProgress::applied))
                .description("records the generation being rebuilt has applied").register(meters);
        Gauge.builder("query.read_models.rebuild.remaining", () -> progressValue(p -> p.total() - p.applied()))
                .description("records the generation being rebuilt has still to apply").register(meters);
        Gauge.builder("query.read_models.rebuild.behind_live", () -> progressValue(RebuildProgress::behindLive))
                .description("records the live generation has and the one being rebuilt not yet").register(meters);
        Gauge.builder("query.read_models.rebuild.rate", () -> progressValue(RebuildProgress::eventsPerSecond))
                .description("records the rebuild applies per second").register(meters);
        Gauge.builder("query.read_models.rebuild.time_left",
                () -> progressValue(p -> p.secondsLeft() == null ? Double.NaN : p.secondsLeft()))
                .description("time the rebuild needs still, at its rate").baseUnit("seconds").register(meters);
        this.partitionLag = MultiGauge.builder("query.read_models.rebuild.lag")
                .description("records of a partition the generation being rebuilt has still to apply").register(meters);
    }

    private double progressValue(ToDoubleFunction<RebuildProgress> value) {
        RebuildProgress progress = latest.get();
        return progress == null ? 0 : value.applyAsDouble(progress);
    }

    /**
     * Makes the bookkeeping tables, and the first generation if there is none, before anything reads; migrates the
     * live generation, and one being built, to this version's read models (a release may bring a migration).
     */
    @Override
    public void afterPropertiesSet() {
        store.migrateBookkeeping();
        List<Generation> kept = store.kept();
        Generation live = inState(kept, Generation.State.LIVE).orElseGet(() -> {
            Generation made = store.first();
            log.info("Made the first generation of the read models, in schema {}; it fills from the start of the "
                    + "topic", made.schema());
            return made;
        });
        store.migrate(live);
        inState(kept, Generation.State.BUILDING).ifPresent(store::migrate);
        dataSource.live(live);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        if (settings.rebuild()) {
            try {
                startRebuild("REBUILD_READ_MODELS at start-up", true);
            }
            catch (GenerationStore.RebuildInProgress already) {
                log.info("REBUILD_READ_MODELS: generation {} is being built already; following it",
                        already.running().number());
            }
        }
        follow();
        follower = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-generations");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.follow().toMillis();
        follower.scheduleWithFixedDelay(this::follow, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            stopping = follower;
        }
        stopping.shutdownNow();
        try {
            stopping.awaitTermination(20, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            consuming.values().forEach(EventConsumers::stop);
            consuming.clear();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts building a new generation beside the live one; it is migrated before this returns and its consumers
     * start in every instance within a second.
     *
     * @throws GenerationStore.RebuildInProgress when one is being built already
     */
    synchronized Generation startRebuild(String reason, boolean switchWhenCaughtUp) {
        Generation building = store.startBuilding(reason, switchWhenCaughtUp);
        prepare(building);
        log.info("Rebuilding the read models into generation {} (schema {}), beside live generation {}: {}",
                building.number(), building.schema(), dataSource.live().number(), reason);
        samples.clear();
        follow();
        return building;
    }

    /** Cancels the rebuild, if one is running: its consumers stop and its schema is dropped after the grace period. */
    synchronized Optional<Generation> cancelRebuild() {
        Optional<Generation> cancelled = store.cancelBuilding();
        cancelled.ifPresent(generation -> log.info("Cancelled the rebuild of generation {}", generation.number()));
        follow();
        return cancelled;
    }

    /** The rebuild running, with its progress now; empty when none is. */
    Optional<RebuildProgress> rebuild() {
        return store.kept().stream().filter(Generation::isBuilding).findFirst().map(this::progress);
    }

    /** The progress of a rebuild, in the state it is in now (live already, when there was little to rebuild). */
    RebuildProgress progressOf(Generation started) {
        return progress(store.kept().stream().filter(g -> g.number() == started.number()).findFirst()
                .orElse(started));
    }

    List<Generation> latest() {
        return store.latest(10);
    }

    /** Whether every consumer group this instance runs has all its threads alive (never waits on a switch). */
    boolean allConsuming() {
        return running && !consuming.isEmpty() && consuming.values().stream().allMatch(EventConsumers::allConsuming);
    }

    private synchronized void follow() {
        if (!running) {
            return;
        }
        try {
            List<Generation> kept = store.kept();
            Optional<Generation> preparing = inState(kept, Generation.State.PREPARING);
            if (preparing.isPresent()) {
                // another instance died migrating it
                prepare(preparing.get());
                kept = store.kept();
            }
            Generation live = inState(kept, Generation.State.LIVE)
                    .orElseThrow(() -> new IllegalStateException("no generation of the read models is live"));
            dataSource.live(live);
            Map<Integer, Generation> consumes = new HashMap<>();
            kept.stream().filter(Generation::consumes).forEach(g -> consumes.put(g.number(), g));
            consuming.entrySet().removeIf(entry -> {
                if (!consumes.containsKey(entry.getKey())) {
                    entry.getValue().stop();
                    log.info("Stopped consuming into generation {}", entry.getKey());
                    return true;
                }
                return false;
            });
            consumes.values().forEach(this::consumeInto);
            Optional<Generation> building = inState(kept, Generation.State.BUILDING);
            if (building.isPresent()) {
                watch(building.get(), live, building.get().switchWhenCaughtUp());
            }
            else {
                forgetProgress();
            }
            dropEnded(kept);
        }
        catch (RuntimeException ex) {
            log.warn("Could not follow the generations of the read models, trying again: {}", ex.toString());
        }
    }

    private void prepare(Generation generation) {
        store.migrate(generation);
        store.markBuilding(generation);
    }

    private void consumeInto(Generation generation) {
        if (consuming.containsKey(generation.number())) {
            return;
        }
        dataSource.open(generation);
        EventConsumers consumers = consumption.consumers(consumption.group(generation.number()),
                work -> ReadModelDataSource.pinnedTo(generation, work),
                () -> dataSource.live().number() == generation.number());
        consumers.start();
        consuming.put(generation.number(), consumers);
        log.info("Consuming into generation {} ({}) as group {}", generation.number(), generation.state(),
                consumers.group());
    }

    /**
     * Switches to the generation being built now, for an operator, if it has caught up.
     *
     * @return the generation now live, or empty when none is being built
     * @throws NotCaughtUp when it has not caught up with the live one yet
     */
    synchronized Optional<Generation> switchNow() {
        Optional<Generation> building = inState(store.kept(), Generation.State.BUILDING);
        if (building.isEmpty()) {
            return Optional.empty();
        }
        RebuildProgress progress = watch(building.get(), dataSource.live(), true);
        Generation live = dataSource.live();
        if (live.number() != building.get().number()) {
            throw new NotCaughtUp(progress);
        }
        return Optional.of(live);
    }

    /** Logs and keeps the rebuild's progress; tries the switch, if asked to, once it has come near enough. */
    private RebuildProgress watch(Generation building, Generation live, boolean trySwitch) {
        RebuildProgress progress = progress(building);
        latest.set(progress);
        partitionLag.register(progress.partitions().stream().map(partition -> MultiGauge.Row.of(
                Tags.of("partition", String.valueOf(partition.partition())), partition.lag())).toList(), true);
        long now = System.nanoTime();
        if (now - lastLogged >= settings.progressLog().toNanos()) {
            lastLogged = now;
            log.info(progress.line());
        }
        if (!trySwitch || progress.behindLive() > settings.switchWithin()) {
            return progress;
        }
        String buildingGroup = consumption.group(building.number());
        String liveGroup = consumption.group(live.number());
        boolean switched = store.switchTo(building, live, () -> RebuildProgress.reached(
                store.offsets(building, buildingGroup, topic), store.offsets(live, liveGroup, topic)),
                settings.switchWait());
        if (switched) {
            Generation nowLive = store.kept().stream().filter(g -> g.number() == building.number()).findFirst()
                    .orElseThrow();
            dataSource.live(nowLive);
            Optional.ofNullable(consuming.remove(live.number())).ifPresent(EventConsumers::stop);
            forgetProgress();
            log.info("Generation {} is live, in place of generation {}, which is dropped in {}", building.number(),
                    live.number(), settings.dropAfter());
        }
        return progress;
    }

    /** Asked to switch to a generation that has not caught up with the live one yet. */
    static final class NotCaughtUp extends RuntimeException {

        private final transient RebuildProgress progress;

        NotCaughtUp(RebuildProgress progress) {
            super("not caught up", null, false, false);
            this.progress = progress;
        }

        RebuildProgress progress() {
            return progress;
        }
    }

    private RebuildProgress progress(Generation building) {
        Generation live = dataSource.live();
        Map<TopicPartition, Long> rebuilt = building.state() == Generation.State.PREPARING ? Map.of()
                : store.offsets(building, consumption.group(building.number()), topic);
        Map<TopicPartition, Long> liveOffsets = store.offsets(live, consumption.group(live.number()), topic);
        Map<TopicPartition, Long> ends;
        try {
            ends = consumption.endOffsets();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            ends = Map.of();
        }
        long applied = rebuilt.values().stream().mapToLong(Long::longValue).sum();
        return RebuildProgress.of(building, rebuilt, liveOffsets, ends, rate(building.number(), applied));
    }

    /** Records per second over the last ten seconds of samples of this generation. */
    private synchronized double rate(int generation, long applied) {
        long now = System.nanoTime();
        if (!samples.isEmpty() && samples.peekLast()[0] != generation) {
            samples.clear();
        }
        samples.addLast(new long[] { generation, now, applied });
        while (samples.size() > 2 && now - samples.peekFirst()[1] > RATE_WINDOW_NANOS) {
            samples.removeFirst();
        }
        long[] first = samples.peekFirst();
        double seconds = (now - first[1]) / 1e9;
        return seconds < 0.5 ? 0 : (applied - first[2]) / seconds;
    }

    private void forgetProgress() {
        latest.set(null);
        partitionLag.register(List.of(), true);
    }

    /** Drops what has ended long enough ago, and closes the pools of generations another instance dropped. */
    private void dropEnded(List<Generation> kept) {
        if (kept.stream().anyMatch(Generation::hasEnded)) {
            for (Generation generation : store.endedBefore(settings.dropAfter())) {
                dataSource.close(generation.number());
                store.drop(generation);
                log.info("Dropped schema {} of {} generation {}", generation.schema(),
                        generation.state().name().toLowerCase(Locale.ROOT), generation.number());
            }
        }
        List<Integer> numbers = kept.stream().map(Generation::number).toList();
        dataSource.openGenerations().stream().filter(number -> !numbers.contains(number)).forEach(dataSource::close);
    }

    private static Optional<Generation> inState(List<Generation> generations, Generation.State state) {
        return generations.stream().filter(generation -> generation.state() == state).findFirst();
    }
}
