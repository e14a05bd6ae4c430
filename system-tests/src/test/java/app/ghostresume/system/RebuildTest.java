package app.ghostresume.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import app.ghostresume.stack.LocalStack;
import app.ghostresume.stack.ServiceProcess;
import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.HttpApi.Answer;
import app.ghostresume.stack.testing.TokenMinter;
import app.ghostresume.system.RunningSystem.Seeker;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild of the read models on the running system with two query-service instances, while seekers log attempts
 * and read their stats: one instance is killed (SIGKILL) early in the rebuild and started again. The rebuild
 * resumes its partitions from the offsets its generation stores,
 * becomes live, and holds every event of the event store once (and every event the old generation held); no read
 * on a running instance fails or sees less than before.
 */
class RebuildTest {

    private static final RunningSystem system = RunningSystem.get();
    private static final Duration CATCH_UP = Duration.ofSeconds(180);
    private static final String REBUILD = "/api/operator/read-models/rebuild";
    /** Rows of an imported spreadsheet, two events each: enough for the rebuild to take a while at one per batch. */
    private static final int BALLAST_ROWS = 1200;
    /** One record per batch: slow enough that the rebuild is still running when the instances are killed. */
    private static final Map<String, String> SLOW = Map.of("GHOST_KAFKA_MAXPOLLRECORDS", "1");

    @Test
    void aRebuildSurvivesEachOfTwoInstancesKilledHalfwayWhileSeekersWriteAndRead() throws Exception {
        ServiceProcess original = system.stack.queryService();
        original.stop();
        ServiceProcess first = original.with(SLOW);
        ServiceProcess second = system.stack.anotherQueryService("query-service-rebuild").with(SLOW);
        List<ServiceProcess> instances = List.of(first, second);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        try {
            first.start();
            second.start();
            first.awaitReady(Duration.ofSeconds(120));
            second.awaitReady(Duration.ofSeconds(120));
            Seeker archivist = importBallast();
            // the live generation has it all: the rebuild has all of it to catch up with
            system.assertJournalHolds(archivist, system.storedEventIdsOf(archivist), CATCH_UP);
            List<Seeker> seekers = List.of(system.newSeeker("rebuilt-a", "Europe/Paris"),
                    system.newSeeker("rebuilt-b", "America/New_York"));
            Map<UUID, AtomicInteger> logged = new ConcurrentHashMap<>();
            seekers.forEach(seeker -> logged.put(seeker.id(), new AtomicInteger()));
            List<String> failures = new CopyOnWriteArrayList<>();
            AtomicInteger reads = new AtomicInteger();
            for (Seeker seeker : seekers) {
                clients.add(new Thread(() -> write(seeker, logged.get(seeker.id()), running, failures),
                        "writer-" + seeker.handle()));
                clients.add(new Thread(() -> read(seeker, first, running, failures, reads),
                        "reader-" + seeker.handle()));
            }
            clients.forEach(Thread::start);
            String operator = system.operatorToken(seekers.get(0));
            int live = api(first).get("/api/operator/read-models").token(operator).send().body().get("live")
                    .get("generation").asInt();
            Answer started = api(first).post(REBUILD, Map.of()).token(operator).send();
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            int building = started.body().get("generation").asInt();

            double killedAt = awaitProgress(first, operator, 15);
            second.kill();
            // its partitions go to the first instance once its session has timed out; it resumes them, and the
            // second, started again, takes some back, each from the offsets the generation stored
            second.start();
            awaitLive(first, operator, building);
            second.awaitReady(Duration.ofSeconds(120));
            RunningSystem.sleep(1000);
            running.set(false);
            RunningSystem.joinAll(clients);

            assertThat(killedAt).as("percent applied when the second instance was killed").isLessThan(60);
            assertThat(failures).as("failed or shrinking reads, failed writes").isEmpty();
            assertThat(reads.get()).as("reads").isGreaterThan(20);
            for (Seeker seeker : seekers) {
                assertThat(logged.get(seeker.id()).get()).as("attempts logged by " + seeker.handle()).isPositive();
                system.assertJournalHolds(seeker, system.storedEventIdsOf(seeker), CATCH_UP);
                assertThat(system.querySideCount("SELECT count(*) FROM attempt_board WHERE seeker_id = ?",
                        seeker.id())).as("board of " + seeker.handle()).isEqualTo(logged.get(seeker.id()).get());
            }
            assertThat(system.querySideCount("SELECT count(*) - count(DISTINCT event_id) FROM seeker_event"))
                    .as("events journaled twice").isZero();
            // the old generation stopped where the switch found it (it is dropped a minute later)
            assertThat(system.querySideCount("SELECT count(*) FROM read_models_" + live + ".seeker_event old "
                    + "WHERE NOT EXISTS (SELECT 1 FROM seeker_event rebuilt WHERE rebuilt.event_id = old.event_id)"))
                    .as("events of the old generation missing from the rebuilt one").isZero();
            assertThat(system.querySideCount("SELECT count(*) FROM seeker_event"))
                    .as("the rebuilt journal holds more than the old: what came after the switch")
                    .isGreaterThan(system.querySideCount("SELECT count(*) FROM read_models_" + live + ".seeker_event"));
        }
        finally {
            running.set(false);
            RunningSystem.joinAll(clients);
            instances.forEach(ServiceProcess::stop);
            original.start().awaitReady(Duration.ofSeconds(120));
            system.awaitConsumerGroupSettled(1);
        }
    }

    /** A spreadsheet of rejections imported by a seeker of its own: each row an attempt logged and rejected. */
    private static Seeker importBallast() {
        Seeker archivist = system.newSeeker("archivist", "UTC");
        StringBuilder csv = new StringBuilder("company,role,applied,status,outcome on\n");
        for (int row = 0; row < BALLAST_ROWS; row++) {
            csv.append("Firm ").append(row).append(",Role ").append(row).append(",2025-06-02,rejected,2025-06-20\n");
        }
        Answer started = system.commands.post("/api/me/imports?category=JOB", csv.toString())
                .token(archivist.token()).header("Content-Type", "text/csv").send();
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        RunningSystem.awaitCount("imported rows", () -> system.commands.get(started.header("Location"))
                .token(archivist.token()).send().body().get("created").asLong(), BALLAST_ROWS, CATCH_UP);
        return archivist;
    }

    /** Logs attempts one after another; each must be accepted. */
    private static void write(Seeker seeker, AtomicInteger logged, AtomicBoolean running, List<String> failures) {
        HttpApi commands = system.commands;
        int n = 0;
        while (running.get()) {
            Answer answer = commands.post("/api/attempts", Map.of("category", "JOB", "target", "Firm " + n,
                    "title", "Role " + n, "sentOn", seeker.today().toString())).token(seeker.token()).send();
            if (answer.status() == 201) {
                logged.incrementAndGet();
            }
            else {
                failures.add("logging an attempt: " + answer);
            }
            n++;
            RunningSystem.sleep(50);
        }
    }

    /** Reads the seeker's stats over and over from the instance that is not killed: never less than before. */
    private static void read(Seeker seeker, ServiceProcess instance, AtomicBoolean running, List<String> failures,
            AtomicInteger reads) {
        long seen = 0;
        while (running.get()) {
            Answer answer = api(instance).get("/api/me/stats").token(seeker.token()).send();
            reads.incrementAndGet();
            if (answer.status() != 200) {
                failures.add("reading stats from " + instance.baseUrl() + ": " + answer);
                continue;
            }
            long attempts = answer.body().get("attempts").asLong();
            if (attempts < seen) {
                failures.add(seeker.handle() + " saw " + seen + " attempts, then " + attempts);
            }
            seen = Math.max(seen, attempts);
            RunningSystem.sleep(20);
        }
    }

    /** Waits until the rebuild has applied {@code percent} of the topic; returns how much it had. */
    private static double awaitProgress(ServiceProcess instance, String operator, double percent) {
        Instant deadline = Instant.now().plus(CATCH_UP);
        while (Instant.now().isBefore(deadline)) {
            Answer progress = api(instance).get(REBUILD).token(operator).send();
            assertThat(progress.status()).as("the rebuild is still running: " + progress).isEqualTo(200);
            double applied = progress.body().get("percent").asDouble();
            if (applied >= percent) {
                return applied;
            }
            RunningSystem.sleep(100);
        }
        throw new AssertionError("the rebuild did not reach " + percent + " %");
    }

    private static void awaitLive(ServiceProcess instance, String operator, int generation) {
        Instant deadline = Instant.now().plus(CATCH_UP);
        while (Instant.now().isBefore(deadline)) {
            JsonNode readModels = api(instance).get("/api/operator/read-models").token(operator).send().body();
            if (readModels.get("live").get("generation").asInt() == generation) {
                return;
            }
            RunningSystem.sleep(200);
        }
        throw new AssertionError("generation " + generation + " did not become live");
    }

    private static HttpApi api(ServiceProcess instance) {
        return new HttpApi(instance.baseUrl());
    }
}
