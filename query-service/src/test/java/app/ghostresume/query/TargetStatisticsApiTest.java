package app.ghostresume.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptCorrected;
import app.ghostresume.events.AttemptGhosted;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptWithdrawn;
import app.ghostresume.events.Category;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.SeekerEvent;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.query.support.Api.Response;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-target statistics pooled across seekers, "today" being 20 March 2026 (fixed clock), so the window starts on
 * 20 March 2025. Five seekers spell Acme five ways; four of them have heard back at first, the fifth is waiting,
 * and a sixth withdrew: below the threshold. When the fifth is ghosted, Acme appears. Response days in the window
 * are 3, 5, 8, 10 and 20: median 8, 75th percentile 10. Acute Press has six seekers answered after 1 to 6 days:
 * median 3.5, 75th percentile 4.75 (interpolated).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TargetStatisticsApiTest extends QueryServiceIntegrationTest {

    private final List<UUID> seekers = new ArrayList<>();
    private UUID waitingAtAcme;

    @BeforeAll
    void publishAttempts() {
        List<EventEnvelope> published = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // each with an established history: registered over a year ago, answered by three other targets
            published.addAll(establishedSeeker("2025-01-01T09:00:00Z", 3));
        }
        published.addAll(attempt(0, "Acme, Inc.", "2026-01-01", 'R', "2026-01-04", "onsite"));
        published.addAll(attempt(0, "Acme", "2025-03-19", 'R', "2025-03-25", null)); // sent before the window
        published.addAll(attempt(1, "ACME", "2026-01-01", 'R', "2026-01-06", null));
        published.addAll(attempt(1, "Acme", "2025-03-20", 'R', "2025-04-09", null)); // the window's first day
        published.addAll(attempt(2, "acme inc", "2026-01-01", 'A', "2026-01-09", null));
        published.addAll(attempt(3, "Acme Corp", "2026-01-01", 'R', "2026-01-11", null));
        List<EventEnvelope> waiting = attempt(4, "The Acme Company", "2026-01-01", ' ', null, null);
        waitingAtAcme = ((AttemptLogged) waiting.get(0).payload()).attemptId();
        published.addAll(waiting);
        published.addAll(attempt(5, "Acme", "2026-01-01", 'W', "2026-01-02", null));
        // an attempt corrected away from Acme no longer counts for it
        List<EventEnvelope> corrected = attempt(6, "Acme", "2026-01-01", 'R', "2026-01-02", null);
        published.addAll(corrected);
        published.add(events().publish(new AttemptCorrected(((AttemptLogged) corrected.get(0).payload()).attemptId(),
                seekers.get(6), null, "Acorn Books", null, null, null, null), Instant.parse("2026-01-03T09:00:00Z")));
        for (int i = 0; i < 6; i++) {
            String outcomeOn = LocalDate.parse("2026-02-01").plusDays(i + 1).toString();
            published.addAll(attempt(6 + i, i % 2 == 0 ? "Acute Press" : "The Acute Press Ltd", "2026-02-01", 'R',
                    outcomeOn, null));
        }
        awaitAll(published);
    }

    @Test
    @Order(1)
    void belowFiveSeekersWithAnAnswerATargetIsNotShown() {
        String token = tokens().tokenFor(seekers.get(0));
        assertNotFound(api().get("/api/targets/acme", token), "acme");
        assertNotFound(api().get("/api/targets/nobody-at-all", token), "nobody-at-all");
        JsonNode hits = api().get("/api/targets?query=AC", token).body().get("targets");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).get("targetKey").asString()).isEqualTo("acute-press");
    }

    @Test
    @Order(2)
    void atFiveSeekersWithAnAnswerTheTargetAppearsWithHandComputedFigures() {
        awaitAll(List.of(publishAt(new AttemptGhosted(waitingAtAcme, seekers.get(4), LocalDate.parse("2026-02-01"),
                true), "2026-02-01T09:00:00Z")));

        Response response = api().get("/api/targets/The%20ACME%20Company", tokens().tokenFor(seekers.get(0)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode acme = response.body();
        assertThat(acme.get("targetKey").asString()).isEqualTo("acme");
        assertThat(acme.get("name").asString()).isEqualTo("acme");
        assertThat(acme.get("seekers").asLong()).isEqualTo(5);
        assertThat(acme.get("attempts").asLong()).isEqualTo(6);
        assertThat(acme.get("decided").asLong()).isEqualTo(6);
        assertThat(acme.get("acceptanceRate").asDouble()).isEqualTo(0.1667);
        assertThat(acme.get("rejectionRate").asDouble()).isEqualTo(0.6667);
        assertThat(acme.get("ghostingRate").asDouble()).isEqualTo(0.1667);
        assertThat(acme.get("medianDaysToResponse").asDouble()).isEqualTo(8.0);
        assertThat(acme.get("p75DaysToResponse").asDouble()).isEqualTo(10.0);
        assertThat(acme.get("laterStageRejectionShare").asDouble()).isEqualTo(0.25);
        assertThat(response.body().toString()).doesNotContain("Acme", "ACME", "Inc", "Corp", "Company");
        for (UUID seeker : seekers) {
            assertThat(response.body().toString()).doesNotContain(seeker.toString());
        }
    }

    @Test
    @Order(3)
    void anEvenNumberOfResponsesInterpolates() {
        JsonNode acute = api().get("/api/targets/acute-press", tokens().tokenFor(seekers.get(0))).body();
        assertThat(acute.get("seekers").asLong()).isEqualTo(6);
        assertThat(acute.get("medianDaysToResponse").asDouble()).isEqualTo(3.5);
        assertThat(acute.get("p75DaysToResponse").asDouble()).isEqualTo(4.75);
        assertThat(acute.get("acceptanceRate").asDouble()).isEqualTo(0.0);
        assertThat(acute.get("rejectionRate").asDouble()).isEqualTo(1.0);
        assertThat(acute.get("laterStageRejectionShare").asDouble()).isEqualTo(0.0);
    }

    @Test
    @Order(4)
    void searchFindsTargetsByNormalisedPrefixMostSeekersFirst() {
        String token = tokens().tokenFor(seekers.get(0));
        JsonNode hits = api().get("/api/targets?query=Ac", token).body().get("targets");
        assertThat(hits).hasSize(2);
        assertThat(hits.get(0).toString())
                .isEqualTo("{\"targetKey\":\"acute-press\",\"name\":\"acute press\",\"seekers\":6,\"attempts\":6}");
        assertThat(hits.get(1).toString())
                .isEqualTo("{\"targetKey\":\"acme\",\"name\":\"acme\",\"seekers\":5,\"attempts\":6}");
        assertThat(api().get("/api/targets?query=The%20Acute%20P&limit=1", token).body().get("targets"))
                .hasSize(1);
        assertThat(api().get("/api/targets?query=acorn", token).body().get("targets")).isEmpty();
        assertThat(api().get("/api/targets?query=zz", token).body().get("targets")).isEmpty();
    }

    @Test
    @Order(5)
    void aSearchNeedsAQuery() {
        String token = tokens().tokenFor(seekers.get(0));
        for (String path : List.of("/api/targets", "/api/targets?query=", "/api/targets?query=%20!!", 
                "/api/targets?query=ac&limit=0", "/api/targets?query=ac&limit=101")) {
            Response response = api().get(path, token);
            assertThat(response.status()).as(path + " " + response).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(api().get("/api/targets?query=ac", null).status()).isEqualTo(401);
    }

    @Test
    @Order(1)
    void theServicesFlywayAppliesTheJavaMigrationThatKeysEarlierRows() {
        // spring.flyway.locations=classpath:db/migration finds db.migration.V7__... next to the SQL files
        assertThat(jdbc.sql("SELECT type || ' ' || success FROM flyway_schema_history WHERE version = '7'")
                .query(String.class).single()).isEqualTo("JDBC true");
    }

    @Test
    @Order(6)
    void accountsMadeForThePurposeDoNotUnlockATarget() {
        List<EventEnvelope> published = new ArrayList<>();
        int first = seekers.size();
        for (int i = 0; i < 5; i++) {
            // registered five days ago, each with a history at three other targets
            published.addAll(establishedSeeker("2026-03-15T09:00:00Z", 3));
            published.addAll(attempt(first + i, "Newcomer Corp", "2026-03-16", 'R', "2026-03-17", null));
        }
        for (int i = 0; i < 5; i++) {
            // registered long ago, but answered by this one target only
            published.addAll(establishedSeeker("2025-01-01T09:00:00Z", 0));
            published.addAll(attempt(first + 5 + i, "Single Minded", "2026-03-01", 'R', "2026-03-02", null));
        }
        awaitAll(published);

        String token = tokens().tokenFor(seekers.get(0));
        assertNotFound(api().get("/api/targets/newcomer", token), "newcomer");
        assertNotFound(api().get("/api/targets/single-minded", token), "single-minded");
        assertThat(api().get("/api/targets?query=newcomer", token).body().get("targets")).isEmpty();
        assertThat(api().get("/api/targets?query=single", token).body().get("targets")).isEmpty();

        // two more decided targets each, and the long-registered seekers are established: the target appears
        List<EventEnvelope> more = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < 2; k++) {
                more.addAll(attempt(first + 5 + i, "Elsewhere " + i + " " + k, "2026-03-03", 'R', "2026-03-04",
                        null));
            }
        }
        awaitAll(more);
        assertThat(api().get("/api/targets/single-minded", token).status()).isEqualTo(200);
    }

    // --- helpers

    /** A new seeker registered at {@code registeredAt}, with rejections from {@code otherTargets} targets of its own. */
    private List<EventEnvelope> establishedSeeker(String registeredAt, int otherTargets) {
        UUID seeker = UUID.randomUUID();
        seekers.add(seeker);
        List<EventEnvelope> published = new ArrayList<>();
        published.add(publishAt(new SeekerRegistered(seeker, "s" + seekers.size(), "S", ZoneId.of("UTC")),
                registeredAt));
        for (int k = 0; k < otherTargets; k++) {
            published.addAll(attempt(seekers.size() - 1, "Zeta " + seekers.size() + " " + k, "2025-06-01", 'R',
                    "2025-06-02", null));
        }
        return published;
    }

    private List<EventEnvelope> attempt(int seeker, String target, String sentOn, char outcome, String outcomeOn,
            String stage) {
        UUID seekerId = seekers.get(seeker);
        UUID attempt = UUID.randomUUID();
        List<EventEnvelope> published = new ArrayList<>();
        published.add(publishAt(new AttemptLogged(attempt, seekerId, Category.JOB, target, "Role", null,
                LocalDate.parse(sentOn), null), sentOn + "T09:00:00Z"));
        SeekerEvent answer = switch (outcome) {
            case 'R' -> new RejectionReceived(attempt, seekerId, LocalDate.parse(outcomeOn), stage, null, null);
            case 'A' -> new AcceptanceReceived(attempt, seekerId, LocalDate.parse(outcomeOn), null);
            case 'G' -> new AttemptGhosted(attempt, seekerId, LocalDate.parse(outcomeOn), false);
            case 'W' -> new AttemptWithdrawn(attempt, seekerId, LocalDate.parse(outcomeOn), null);
            default -> null;
        };
        if (answer != null) {
            published.add(publishAt(answer, outcomeOn + "T10:00:00Z"));
        }
        return published;
    }

    private static void assertNotFound(Response response, String key) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("type").asString()).isEqualTo("https://ghostresume.app/problems/not-found");
        assertThat(response.body().get("detail").asString()).isEqualTo("No target " + key + ".");
    }
}
