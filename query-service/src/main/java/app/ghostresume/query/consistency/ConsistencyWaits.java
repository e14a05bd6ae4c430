package app.ghostresume.query.consistency;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import app.ghostresume.events.ConsistencyToken;
import app.ghostresume.query.consistency.ConsistencyGate.Wanted;
import app.ghostresume.query.consumption.ProjectionProgress;
import app.ghostresume.query.generation.Generation;
import app.ghostresume.query.generation.GenerationPinning;
import app.ghostresume.query.generation.ReadModelDataSource;
import app.ghostresume.query.platform.ProblemResponses;
import app.ghostresume.query.platform.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads parked until their {@code Consistency-Token}'s event is projected, holding no request thread: each waits
 * as a servlet async request, and one thread checks every parked read with one statement (per generation of the
 * read models they are pinned to) after each batch this instance commits and at least every 100 ms (another
 * instance may do the projecting). A read whose event is
 * projected is dispatched again and answered as usual; one still waiting after {@code query.consistency.timeout}
 * is answered 503 with {@code Retry-After}. A seeker may have at most {@code query.consistency.waits-per-seeker}
 * reads parked at once and the instance {@code query.consistency.waits} in all; beyond, a read is refused at once
 * with 429 (503 when the instance is full), so nobody's parked reads cost anyone else anything.
 */
@Component
class ConsistencyWaits implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsistencyWaits.class);
    private static final Duration RECHECK = Duration.ofMillis(100);

    private final ConsistencyGate gate;
    private final GenerationPinning pinning;
    private final JsonMapper json;
    private final Duration timeout;
    private final int perSeeker;
    private final int overall;
    private final Map<UUID, Integer> bySeeker = new ConcurrentHashMap<>();
    private final AtomicInteger parkedInAll = new AtomicInteger();
    private final Timer answeredWaits;
    private final Timer timedOutWaits;
    private final Counter refusedForSeeker;
    private final Counter refusedForInstance;
    private final Set<Waiter> parked = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean recheckDue = new AtomicBoolean();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "consistency-waits");
        thread.setDaemon(true);
        return thread;
    });

    ConsistencyWaits(ConsistencyGate gate, GenerationPinning pinning, ProjectionProgress progress, JsonMapper json,
            MeterRegistry meters, ConsistencySettings settings) {
        this.gate = gate;
        this.pinning = pinning;
        this.json = json;
        this.timeout = settings.timeout();
        this.perSeeker = settings.waitsPerSeeker();
        this.overall = settings.waits();
        progress.onBatchCommitted(this::recheckSoon);
        checker.scheduleWithFixedDelay(this::recheck, RECHECK.toMillis(), RECHECK.toMillis(), TimeUnit.MILLISECONDS);
        Gauge.builder("query.consistency.parked", parked, Set::size)
                .description("reads waiting for their Consistency-Token's event").register(meters);
        this.answeredWaits = waits(meters, "projected");
        this.timedOutWaits = waits(meters, "timed-out");
        this.refusedForSeeker = meters.counter("query.consistency.refused", "reason", "seeker-limit");
        this.refusedForInstance = meters.counter("query.consistency.refused", "reason", "instance-limit");
    }

    private static Timer waits(MeterRegistry meters, String outcome) {
        return Timer.builder("query.consistency.waits").tag("outcome", outcome)
                .description("reads that waited for their Consistency-Token's event, and how long").register(meters);
    }

    /** Parks the request until its event is projected; answers it at once when it may not wait. */
    void park(HttpServletRequest request, HttpServletResponse response, ConsistencyToken token, UUID seekerId)
            throws IOException {
        if (!take(seekerId)) {
            refusedForSeeker.increment();
            ProblemResponses.write(json, response, ProblemType.TOO_MANY_REQUESTS, "At most " + perSeeker
                    + " reads may wait for a Consistency-Token at once; retry when one has been answered.",
                    request.getRequestURI());
            return;
        }
        if (parkedInAll.incrementAndGet() > overall) {
            parkedInAll.decrementAndGet();
            release(seekerId);
            refusedForInstance.increment();
            ProblemResponses.write(json, response, ProblemType.UNAVAILABLE, "Too many reads are waiting; retry shortly.",
                    request.getRequestURI());
            return;
        }
        AsyncContext async;
        try {
            async = request.startAsync(request, response);
        }
        catch (RuntimeException ex) {
            parkedInAll.decrementAndGet();
            release(seekerId);
            throw ex;
        }
        async.setTimeout(timeout.plusSeconds(5).toMillis()); // a backstop: the checker answers first
        Waiter waiter = new Waiter(new Wanted(token, seekerId), async, System.nanoTime() + timeout.toNanos(),
                request.getRequestURI());
        parked.add(waiter);
        recheckSoon();
    }

    /** Takes one of the seeker's places to wait, atomically with every other take and release of theirs. */
    private boolean take(UUID seekerId) {
        boolean[] taken = { false };
        bySeeker.compute(seekerId, (key, waiting) -> {
            int now = waiting == null ? 0 : waiting;
            taken[0] = now < perSeeker;
            return taken[0] ? now + 1 : waiting;
        });
        return taken[0];
    }

    private void release(UUID seekerId) {
        bySeeker.computeIfPresent(seekerId, (key, waiting) -> waiting <= 1 ? null : waiting - 1);
    }

    private void recheckSoon() {
        if (recheckDue.compareAndSet(false, true)) {
            checker.execute(this::recheck);
        }
    }

    private void recheck() {
        recheckDue.set(false);
        if (parked.isEmpty()) {
            return;
        }
        try {
            Map<Generation, List<Waiter>> byGeneration = new HashMap<>();
            for (Waiter waiter : parked) {
                byGeneration.computeIfAbsent(generationOf(waiter), generation -> new ArrayList<>()).add(waiter);
            }
            byGeneration.forEach((generation, waiters) -> {
                Set<Wanted> projected = ReadModelDataSource.pinnedTo(generation,
                        () -> gate.projected(waiters.stream().map(Waiter::wanted).distinct().toList()));
                long now = System.nanoTime();
                for (Waiter waiter : waiters) {
                    if (projected.contains(waiter.wanted())) {
                        finish(waiter, true);
                    }
                    else if (now - waiter.deadline() >= 0) {
                        finish(waiter, false);
                    }
                }
            });
        }
        catch (RuntimeException ex) {
            // the database is away: parked reads keep waiting until it is back or their time is up
            log.debug("Could not check parked reads: {}", ex.toString());
            long now = System.nanoTime();
            new ArrayList<>(parked).stream().filter(waiter -> now - waiter.deadline() >= 0)
                    .forEach(waiter -> finish(waiter, false));
        }
    }

    /**
     * The generation a parked read is checked against, and answered from: the one its request is pinned to while that
     * is live, else the live one (an old generation stops moving once the switch has been made).
     */
    private Generation generationOf(Waiter waiter) {
        Generation pinned = pinning.of(waiter.async().getRequest());
        return pinned.number() == pinning.live().number() ? pinned : pinning.repinToLive(waiter.async().getRequest());
    }

    private void finish(Waiter waiter, boolean projected) {
        if (!parked.remove(waiter)) {
            return;
        }
        parkedInAll.decrementAndGet();
        release(waiter.wanted().seekerId());
        (projected ? answeredWaits : timedOutWaits)
                .record(Duration.ofNanos(System.nanoTime() - (waiter.deadline() - timeout.toNanos())));
        try {
            if (projected) {
                waiter.async().dispatch();
            }
            else {
                ConsistencyToken token = waiter.wanted().token();
                ProblemResponses.write(json, (HttpServletResponse) waiter.async().getResponse(),
                        ProblemType.NOT_YET_CONSISTENT, "Event " + token.aggregateSequence() + " of "
                                + token.aggregateId() + " is not reflected yet; retry shortly.", waiter.path());
                waiter.async().complete();
            }
        }
        catch (IOException | IllegalStateException ex) {
            // the client went away, or the container gave up on the request first
            log.debug("A parked read could not be answered: {}", ex.toString());
        }
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }

    private record Waiter(Wanted wanted, AsyncContext async, long deadline, String path) {
    }
}
