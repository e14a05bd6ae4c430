package app.ghostresume.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import app.ghostresume.stack.ServiceProcess;
import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.HttpApi.Answer;
import app.ghostresume.system.RunningSystem.Seeker;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing lost, nothing counted twice: every accepted command's events reach the read models exactly once in
 * effect while Kafka is away, while the query service dies mid-stream, and when one of two instances dies. After each fault the read models are
 * checked against the event store.
 */
class DeliveryGuaranteesTest {

    private static final RunningSystem system = RunningSystem.get();
    private static final Duration CATCH_UP = Duration.ofSeconds(120);

    /**
     * The broker goes away a fifth of the way into a stream of 5,000 commands from eight clients and comes back
     * after the publisher's delivery timeout has passed several times, so its batches fail and are retried.
     */
    @Test
    void theBrokerStoppedAndRestartedDuringAStreamOf5000CommandsLosesAndDoublesNothing() throws Exception {
        CommandStream stream = new CommandStream("kafka-outage", 8, 5000);
        stream.start();
        stream.awaitIssued(1000);
        system.stack.kafka().stop();
        try {
            RunningSystem.sleep(8000);
        }
        finally {
            system.stack.kafka().start();
        }
        stream.finish();

        stream.assertProjectedExactlyOnce();
    }

    /** SIGKILL at seeded random moments, three times, while a stream of commands is being projected. */
    @Test
    void theQueryServiceKilledAtRandomPointsRepeatedlyLosesAndDoublesNothing() throws Exception {
        Random random = new Random(20261122L);
        CommandStream stream = new CommandStream("query-crash", 4, 900);
        stream.start();
        for (int kill = 0; kill < 3; kill++) {
            RunningSystem.sleep(200 + random.nextInt(1500));
            system.stack.queryService().kill();
            RunningSystem.sleep(random.nextInt(1000));
            system.stack.queryService().start().awaitReady(Duration.ofSeconds(120));
        }
        system.awaitConsumerGroupSettled(1);
        stream.finish();

        stream.assertProjectedExactlyOnce();
    }

    /**
     * Clients issuing commands as fast as they are answered, each for its own seeker: log an attempt, and reject
     * every third one. Afterwards the read models must hold exactly the events the event store holds.
     */
    private static final class CommandStream {

        private final List<Seeker> seekers = new ArrayList<>();
        private final List<Thread> clients = new ArrayList<>();
        private final AtomicInteger issued = new AtomicInteger();
        private final AtomicInteger[] attempts;
        private final AtomicInteger[] rejections;
        private final int total;

        CommandStream(String name, int clientCount, int total) {
            this.total = total;
            this.attempts = new AtomicInteger[clientCount];
            this.rejections = new AtomicInteger[clientCount];
            for (int c = 0; c < clientCount; c++) {
                seekers.add(system.newSeeker(name + "-" + c, "UTC"));
                attempts[c] = new AtomicInteger();
                rejections[c] = new AtomicInteger();
                int client = c;
                clients.add(new Thread(() -> run(client), name + "-client-" + c));
            }
        }

        void start() {
            clients.forEach(Thread::start);
        }

        private void run(int client) {
            Seeker seeker = seekers.get(client);
            for (int i = 0; issued.get() < total; i++) {
                String attempt = logAttempt(seeker, i);
                attempts[client].incrementAndGet();
                issued.incrementAndGet();
                if (i % 3 == 0) {
                    reject(seeker, attempt);
                    rejections[client].incrementAndGet();
                    issued.incrementAndGet();
                }
            }
        }

        void awaitIssued(int count) {
            RunningSystem.awaitIssued(issued::get, count, Duration.ofMinutes(2));
        }

        void finish() throws InterruptedException {
            RunningSystem.joinAll(clients);
            assertThat(issued.get()).isGreaterThanOrEqualTo(total);
        }

        void assertProjectedExactlyOnce() {
            for (int c = 0; c < seekers.size(); c++) {
                DeliveryGuaranteesTest.assertProjectedExactlyOnce(seekers.get(c), attempts[c].get(),
                        rejections[c].get());
            }
        }
    }

    @Test
    void whenOneOfTwoQueryServicesDiesTheOtherTakesOverItsPartitions() throws Exception {
        List<Seeker> seekers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            seekers.add(system.newSeeker("pair-" + i, "UTC"));
        }
        ServiceProcess second = system.stack.anotherQueryService("query-service-2");
        second.start().awaitReady(Duration.ofSeconds(120));
        try {
            system.awaitConsumerGroupSettled(2);
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 20; i++) {
                    for (Seeker seeker : seekers) {
                        logAttempt(seeker, i);
                    }
                }
            }, "writer");
            writer.start();
            awaitSomeProjected(seekers.get(0));
            system.stack.queryService().kill();
            writer.join(Duration.ofMinutes(3).toMillis());
            assertThat(writer.isAlive()).isFalse();

            for (Seeker seeker : seekers) {
                RunningSystem.awaitCount("projected events of " + seeker.handle(), () -> projectedEvents(seeker),
                        1 + 2 * 20, CATCH_UP);
                assertThat(system.querySideCount("SELECT count(*) FROM attempt_board WHERE seeker_id = ?",
                        seeker.id())).isEqualTo(20);
            }
            HttpApi survivor = new HttpApi(second.baseUrl());
            assertThat(survivor.get("/api/me/stats").token(seekers.get(0).token()).send().body().get("attempts")
                    .asInt()).isEqualTo(20);
        }
        finally {
            second.stop();
            if (!system.stack.queryService().isAlive()) {
                system.stack.queryService().start().awaitReady(Duration.ofSeconds(120));
            }
            system.awaitConsumerGroupSettled(1);
        }
    }

    private void awaitSomeProjected(Seeker seeker) {
        long before = projectedEvents(seeker);
        for (int i = 0; i < 100 && projectedEvents(seeker) <= before; i++) {
            RunningSystem.sleep(100);
        }
    }

    /**
     * The query side holds exactly the events the event store holds for this seeker (the same event ids, each
     * once), and what the read models count matches what was accepted.
     */
    private static void assertProjectedExactlyOnce(Seeker seeker, int attempts, int rejections) {
        List<String> stored = system.storedEventIdsOf(seeker);
        // registration, then each attempt's AttemptLogged and ResponseDeadlinesSet, and each rejection
        assertThat(stored).hasSize(1 + 2 * attempts + rejections);

        system.assertJournalHolds(seeker, stored, CATCH_UP);
        assertThat(system.querySideCount("SELECT count(*) FROM attempt_board WHERE seeker_id = ?", seeker.id()))
                .isEqualTo(attempts);
        JsonNode stats = system.queries.get("/api/me/stats").token(seeker.token()).send().body();
        assertThat(stats.get("attempts").asInt()).isEqualTo(attempts);
        assertThat(stats.get("rejections").asInt()).isEqualTo(rejections);
        assertThat(stats.get("waiting").asInt()).isEqualTo(attempts - rejections);
    }

    private static long projectedEvents(Seeker seeker) {
        return system.querySideCount("SELECT count(*) FROM seeker_event WHERE seeker_id = ?", seeker.id());
    }

    private static String logAttempt(Seeker seeker, int i) {
        Answer answer = system.commands.post("/api/attempts", Map.of("category", "PITCH", "target", "Outlet " + i,
                "title", "Pitch " + i, "sentOn", seeker.today().minusDays(20).toString()))
                .token(seeker.token()).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.body().get("attemptId").asString();
    }

    private static void reject(Seeker seeker, String attempt) {
        Answer answer = system.commands.post("/api/attempts/" + attempt + "/rejection", Map.of())
                .token(seeker.token()).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }
}
