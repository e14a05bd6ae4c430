package app.ghostresume.query.generation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.Category;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.query.support.Api.Response;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild builds a complete new generation of the read models beside the live one, while events stream in and
 * readers read: no read fails, none sees a half-built model (what a seeker saw never shrinks), a read with a
 * {@code Consistency-Token} sees its write across the switch, and the new generation holds every event once.
 */
@TestPropertySource(properties = { "query.read-models.drop-after=1s", "ghost.kafka.max-poll-records=40" })
class RebuildWithoutDowntimeTest extends QueryServiceIntegrationTest {

    private static final int SEEKERS = 6;
    /** Enough for the rebuild to take a few seconds (the tests read 40 records per batch). */
    private static final int ATTEMPTS_BEFORE = 1000;
    private static final String REBUILD = "/api/operator/read-models/rebuild";

    private final List<UUID> seekers = new ArrayList<>();
    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
    /** Every event on this class's topic, by either test. */
    private static final List<EventEnvelope> published = Collections.synchronizedList(new ArrayList<>());
    private final UUID operator = UUID.randomUUID();

    @Test
    void aRebuildUnderLoadSwitchesReadersAtomicallyAndHoldsEveryEventOnce() throws Exception {
        seed();
        String operatorToken = tokens().operatorTokenFor(operator);
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger readsAfterSwitch = new AtomicInteger();
        AtomicBoolean switched = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        threads.add(new Thread(() -> write(running, failures), "writer"));
        for (int r = 0; r < 3; r++) {
            threads.add(new Thread(() -> read(running, failures, reads, switched, readsAfterSwitch), "reader-" + r));
        }
        threads.forEach(Thread::start);

        int live = liveGeneration(operatorToken);
        Response started = api().send("POST", REBUILD, operatorToken);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.header("Location")).isEqualTo(REBUILD);
        int building = started.body().get("generation").asInt();
        assertThat(building).isGreaterThan(live);
        assertThat(api().send("POST", REBUILD, tokens().tokenFor(seekers.get(0))).status()).isEqualTo(403);

        List<JsonNode> progress = new ArrayList<>(List.of(started.body()));
        eventually(() -> {
            Response rebuild = api().get(REBUILD, operatorToken);
            if (rebuild.status() == 200) {
                progress.add(rebuild.body());
            }
            return liveGeneration(operatorToken) == building;
        });
        switched.set(true);
        eventually(() -> readsAfterSwitch.get() >= 30);
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failures).as("failed reads").isEmpty();
        assertThat(reads.get()).as("reads").isGreaterThan(100);
        assertThat(progress).as("progress while building").isNotEmpty().allSatisfy(body -> {
            assertThat(body.get("generation").asInt()).isEqualTo(building);
            assertThat(body.get("total").asLong()).isPositive();
            assertThat(body.get("partitions")).hasSize(3);
        });
        assertThat(progress).as("progress seen while building").hasSizeGreaterThan(1);
        assertThat(progress.get(progress.size() - 1).get("applied").asLong()).isPositive();
        awaitAll(published);
        assertThat(jdbc.sql("SELECT event_id FROM seeker_event").query(UUID.class).set())
                .as("the new generation's journal: every event of the stream, once")
                .hasSize(published.size())
                .isEqualTo(published.stream().map(EventEnvelope::eventId).collect(Collectors.toSet()));
        assertThat(count("SELECT count(*) - count(DISTINCT event_id) FROM seeker_event")).isZero();
        for (UUID seeker : seekers) {
            assertThat(jdbc.sql("SELECT count(*) FROM attempt_board WHERE seeker_id = :seeker").param("seeker", seeker)
                    .query(Long.class).single()).as("board of " + seeker).isEqualTo(attempts.get(seeker).get());
        }
        assertThat(jdbc.sql("SELECT current_schema()").query(String.class).single())
                .isEqualTo("read_models_" + building);
        eventually(() -> count("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'read_models_"
                + live + "'") == 0);
        JsonNode generations = api().get("/api/operator/read-models", operatorToken).body().get("generations");
        assertThat(generations.get(0).get("state").asString()).isEqualTo("LIVE");
        assertThat(generations.get(1).get("state").asString()).isEqualTo("RETIRED");
        assertThat(api().get(REBUILD, operatorToken).status()).isEqualTo(404);
    }

    @Test
    void aRebuildHeldForTheOperatorWaitsCaughtUpUntilSwitchedOrCancelled() {
        seed();
        String operatorToken = tokens().operatorTokenFor(operator);
        int live = liveGeneration(operatorToken);
        assertThat(api().send("POST", REBUILD + "?switch=sometimes", operatorToken).status()).isEqualTo(400);
        Response held = api().send("POST", REBUILD + "?switch=manual", operatorToken);
        assertThat(held.status()).as(held.toString()).isEqualTo(202);
        int first = held.body().get("generation").asInt();
        awaitCaughtUp(operatorToken);
        assertThat(liveGeneration(operatorToken)).as("held, caught up").isEqualTo(live);
        Response again = api().send("POST", REBUILD, operatorToken);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.body().get("type").asString()).endsWith("/rebuild-in-progress");

        Response cancelled = api().send("DELETE", REBUILD, operatorToken);

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.body().get("generation").asInt()).isEqualTo(first);
        assertThat(cancelled.body().get("state").asString()).isEqualTo("CANCELLED");
        assertThat(api().get(REBUILD, operatorToken).status()).isEqualTo(404);
        assertThat(api().send("DELETE", REBUILD, operatorToken).status()).isEqualTo(404);
        assertThat(api().send("POST", REBUILD + "/switch", operatorToken).status()).isEqualTo(404);
        eventually(() -> count("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'read_models_"
                + first + "'") == 0);
        assertThat(liveGeneration(operatorToken)).isEqualTo(live);

        int second = api().send("POST", REBUILD + "?switch=manual", operatorToken).body().get("generation").asInt();
        awaitCaughtUp(operatorToken);
        Response switched = api().send("POST", REBUILD + "/switch", operatorToken);

        assertThat(switched.status()).as(switched.toString()).isEqualTo(200);
        assertThat(switched.body().get("generation").asInt()).isEqualTo(second);
        assertThat(switched.body().get("state").asString()).isEqualTo("LIVE");
        assertThat(liveGeneration(operatorToken)).isEqualTo(second);
        assertThat(jdbc.sql("SELECT count(*) FROM seeker_event").query(Long.class).single())
                .isEqualTo(published.size());
    }

    private void awaitCaughtUp(String operatorToken) {
        eventually(() -> {
            JsonNode progress = api().get(REBUILD, operatorToken).body();
            return progress.get("behindLive").asLong() == 0 && progress.get("applied").asLong() == published.size();
        });
    }

    private int liveGeneration(String operatorToken) {
        return api().get("/api/operator/read-models", operatorToken).body().get("live").get("generation").asInt();
    }

    private void seed() {
        List<EventEnvelope> first = new ArrayList<>();
        for (int s = 0; s < SEEKERS; s++) {
            UUID seeker = UUID.randomUUID();
            seekers.add(seeker);
            attempts.put(seeker, new AtomicInteger(ATTEMPTS_BEFORE));
            first.add(events().envelope(new SeekerRegistered(seeker, "rebuilt-" + s, null, ZoneId.of("Europe/Paris")),
                    Instant.now()));
            for (int a = 0; a < ATTEMPTS_BEFORE; a++) {
                UUID attempt = UUID.randomUUID();
                first.add(events().envelope(new AttemptLogged(attempt, seeker, Category.JOB, "Firm " + a, null, null,
                        LocalDate.parse("2026-03-02"), null), Instant.now()));
                if (a % 3 == 0) {
                    first.add(events().envelope(new RejectionReceived(attempt, seeker,
                            LocalDate.parse("2026-03-09"), null, null, 2), Instant.now()));
                }
            }
        }
        events().publish(first);
        published.addAll(first);
        awaitAll(first);
    }

    /** Logs attempts one after another, each read back at once with its Consistency-Token. */
    private void write(AtomicBoolean running, List<String> failures) {
        int n = 0;
        while (running.get()) {
            UUID seeker = seekers.get(n++ % SEEKERS);
            UUID attempt = UUID.randomUUID();
            EventEnvelope logged = events().publish(new AttemptLogged(attempt, seeker, Category.PITCH, "Pitch " + n,
                    null, null, LocalDate.parse("2026-03-16"), null), Instant.now());
            published.add(logged);
            int expected = attempts.get(seeker).incrementAndGet();
            Response stats = api().get("/api/me/stats", tokens().tokenFor(seeker),
                    Map.of("Consistency-Token", attempt + ".0"));
            if (stats.status() != 200) {
                failures.add("read-your-write " + stats);
            }
            else if (stats.body().get("attempts").asLong() != expected) {
                failures.add("read-your-write of " + seeker + ": " + stats.body().get("attempts") + " attempts, "
                        + expected + " logged");
            }
        }
    }

    /** Reads every seeker's stats over and over: each must answer, and never with less than before. */
    private void read(AtomicBoolean running, List<String> failures, AtomicInteger reads, AtomicBoolean switched,
            AtomicInteger readsAfterSwitch) {
        Map<UUID, Long> seen = new ConcurrentHashMap<>();
        Set<UUID> everyone = Set.copyOf(seekers);
        while (running.get()) {
            for (UUID seeker : everyone) {
                boolean afterSwitch = switched.get();
                Response stats = api().get("/api/me/stats", tokens().tokenFor(seeker));
                reads.incrementAndGet();
                if (stats.status() != 200) {
                    failures.add(stats.toString());
                    continue;
                }
                long attemptsSeen = stats.body().get("attempts").asLong();
                long before = seen.getOrDefault(seeker, (long) ATTEMPTS_BEFORE);
                if (attemptsSeen < before) {
                    failures.add(seeker + " had " + before + " attempts, then " + attemptsSeen);
                }
                seen.put(seeker, Math.max(before, attemptsSeen));
                if (afterSwitch) {
                    readsAfterSwitch.incrementAndGet();
                }
            }
        }
    }
}
