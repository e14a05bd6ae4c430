package app.ghostresume.query.consumption;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.Category;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.query.support.Api;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka or PostgreSQL going away for a while: readiness reports it, queries get a 503 while the database is
 * gone, and consumption resumes by itself afterwards with nothing lost or doubled. Both servers are shared by the
 * whole test JVM, so each test restarts what it stopped before it ends.
 */
class InfrastructureOutageTest extends QueryServiceIntegrationTest {

    private static final Duration OUTAGE_BOUND = Duration.ofSeconds(60);

    @Test
    void consumptionResumesAfterAKafkaOutage() {
        UUID seeker = register();
        publishAttempts(seeker, 10);
        await().atMost(OUTAGE_BOUND).until(() -> attemptsOf(seeker) == 10);

        infrastructure().kafka().stop();
        try {
            await().atMost(OUTAGE_BOUND).until(() -> readiness() == 503);
            assertThat(api().get("/api/me/attempts", tokens().tokenFor(seeker)).status()).isEqualTo(200);
        }
        finally {
            infrastructure().kafka().start();
        }
        events().reconnect();
        publishAttempts(seeker, 10);

        await().atMost(OUTAGE_BOUND).until(() -> attemptsOf(seeker) == 20);
        await().atMost(OUTAGE_BOUND).until(() -> readiness() == 200);
        assertThat(count("SELECT count(*) FROM seeker_event WHERE seeker_id = '" + seeker + "'")).isEqualTo(21);
    }

    @Test
    void consumptionResumesAfterADatabaseOutageAndQueriesSayUnavailableMeanwhile() {
        UUID seeker = register();
        publishAttempts(seeker, 5);
        await().atMost(OUTAGE_BOUND).until(() -> attemptsOf(seeker) == 5);

        infrastructure().postgres().stop();
        try {
            publishAttempts(seeker, 5);
            Api.Response response = api().get("/api/me/attempts", tokens().tokenFor(seeker));
            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.body().get("type").asString()).isEqualTo("https://ghostresume.app/problems/unavailable");
            assertThat(response.header("Retry-After")).isEqualTo("1");
            assertThat(readiness()).isEqualTo(503);
        }
        finally {
            infrastructure().postgres().start();
        }

        await().atMost(OUTAGE_BOUND).until(() -> attemptsOf(seeker) == 10);
        assertThat(count("SELECT count(*) FROM seeker_event WHERE seeker_id = '" + seeker + "'")).isEqualTo(11);
        assertThat(api().get("/api/me/attempts?limit=100", tokens().tokenFor(seeker)).body().get("items")).hasSize(10);
    }

    private UUID register() {
        UUID seeker = UUID.randomUUID();
        events().publish(new SeekerRegistered(seeker, "dee", "Dee", ZoneId.of("UTC")), Instant.now());
        return seeker;
    }

    private void publishAttempts(UUID seeker, int count) {
        for (int i = 0; i < count; i++) {
            events().publish(new AttemptLogged(UUID.randomUUID(), seeker, Category.OTHER, "Target " + i, null, null,
                    LocalDate.parse("2026-03-01"), null), Instant.now());
        }
    }

    private long attemptsOf(UUID seeker) {
        try {
            return count("SELECT count(*) FROM attempt_board WHERE seeker_id = '" + seeker + "'");
        }
        catch (RuntimeException ex) {
            return -1;
        }
    }

    private int readiness() {
        return api().get("/actuator/health/readiness", null).status();
    }
}
