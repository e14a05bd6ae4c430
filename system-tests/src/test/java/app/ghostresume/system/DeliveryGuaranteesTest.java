package app.ghostresume.system;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** The outage outlasts the publisher's delivery timeout, so its batches fail and are retried. */
    @Test
    void commandsAcceptedWhileKafkaIsDownAreProjectedExactlyOnceWhenItReturns() {
        Seeker seeker = system.newSeeker("kafka-outage", "UTC");
        system.stack.kafka().stop();
        int attempts = 0;
        try {
            for (int i = 0; i < 30; i++) {
                String attempt = logAttempt(seeker, i);
                attempts++;
                if (i % 3 == 0) {
                    reject(seeker, attempt);
                }
            }
            RunningSystem.sleep(6000);
            logAttempt(seeker, 30);
            attempts++;
        }
        finally {
            system.stack.kafka().start();
        }

        assertProjectedExactlyOnce(seeker, attempts, 10);
    }

    @Test
    void theQueryServiceKilledMidStreamLosesNothingAndCountsNothingTwice() throws Exception {
        Seeker seeker = system.newSeeker("query-crash", "UTC");
        AtomicInteger logged = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 120; i++) {
                String attempt = logAttempt(seeker, i);
                logged.incrementAndGet();
                if (i % 2 == 0) {
                    reject(seeker, attempt);
                    rejected.incrementAndGet();
                }
            }
        }, "writer");
        writer.start();

        for (int kill = 0; kill < 2; kill++) {
            awaitSomeProjected(seeker);
            system.stack.queryService().kill();
            RunningSystem.sleep(500);
            system.stack.queryService().start().awaitReady(Duration.ofSeconds(120));
        }
        system.awaitConsumerGroupSettled(1);
        writer.join(Duration.ofMinutes(3).toMillis());
        assertThat(writer.isAlive()).isFalse();

        assertProjectedExactlyOnce(seeker, logged.get(), rejected.get());
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

    /** The query side holds exactly the events the event store holds for this seeker, and counts match. */
    private void assertProjectedExactlyOnce(Seeker seeker, int attempts, int rejections) {
        long stored = system.commandSideCount("""
                SELECT count(*) FROM domain_event_entry e
                WHERE e.aggregate_identifier = ?
                   OR e.aggregate_identifier IN (
                       SELECT aggregate_identifier FROM domain_event_entry
                       WHERE convert_from(payload, 'UTF8') LIKE ?)
                """, seeker.id().toString(), "%\"seekerId\":\"" + seeker.id() + "\"%");
        // registration, then each attempt's AttemptLogged and ResponseDeadlinesSet, and each rejection
        assertThat(stored).isEqualTo(1 + 2L * attempts + rejections);

        RunningSystem.awaitCount("projected events", () -> projectedEvents(seeker), stored, CATCH_UP);
        assertThat(system.querySideCount("SELECT count(*) FROM attempt_board WHERE seeker_id = ?", seeker.id()))
                .isEqualTo(attempts);
        JsonNode stats = system.queries.get("/api/me/stats").token(seeker.token()).send().body();
        assertThat(stats.get("attempts").asInt()).isEqualTo(attempts);
        assertThat(stats.get("rejections").asInt()).isEqualTo(rejections);
        assertThat(stats.get("waiting").asInt()).isEqualTo(attempts - rejections);
    }

    private long projectedEvents(Seeker seeker) {
        return system.querySideCount("SELECT count(*) FROM seeker_event WHERE seeker_id = ?", seeker.id());
    }

    private static String logAttempt(Seeker seeker, int i) {
        Answer answer = system.commands.post("/api/attempts", Map.of("category", "PITCH", "target", "Outlet " + i,
                "title", "Pitch " + i, "sentOn", LocalDate.now().minusDays(20).toString()))
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
