package app.ghostresume.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.RejectionShared;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.events.ShareAudience;
import app.ghostresume.events.ShareReported;
import app.ghostresume.events.SupportKind;
import app.ghostresume.events.SupportOffered;
import app.ghostresume.query.support.Api.Response;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import app.ghostresume.security.RememberedTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API promises beyond the data: who may see what, RFC 9457 problems for every error, and
 * read-your-writes through the Consistency-Token header (with a shortened wait).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "CONSISTENCY_TIMEOUT=1500ms")
class ApiContractTest extends QueryServiceIntegrationTest {

    private static final String PROBLEMS = "https://ghostresume.app/problems/";
    private static final UUID ADA = UUID.randomUUID();
    private static final UUID BEA = UUID.randomUUID();
    private static final UUID ADAS_ATTEMPT = UUID.randomUUID();
    private static final UUID BEAS_ATTEMPT = UUID.randomUUID();

    @BeforeAll
    void publish() {
        Instant now = Instant.now();
        events().publish(new SeekerRegistered(ADA, "ada", "Ada", ZoneId.of("UTC")), now);
        events().publish(new SeekerRegistered(BEA, "bea", "Bea", ZoneId.of("UTC")), now);
        events().publish(logged(ADAS_ATTEMPT, ADA), now);
        events().publish(logged(BEAS_ATTEMPT, BEA), now);
        eventually(() -> count("SELECT count(*) FROM attempt_board") == 2);
    }

    @Autowired
    private JwtDecoder jwtDecoder;

    @Test
    void bootsTokenDecoderIsBehindRememberedTokens() {
        assertThat(jwtDecoder).isInstanceOf(RememberedTokens.class);
    }

    @Test
    void healthIsPublicAndReadinessIncludesDatabaseAndKafka() {
        assertThat(api().get("/actuator/health/liveness", null).status()).isEqualTo(200);
        Response readiness = api().get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void aTokenOpensTheSeekersOwnData() {
        Response response = api().get("/api/me/attempts/" + ADAS_ATTEMPT, tokens().tokenFor(ADA));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("attemptId").asString()).isEqualTo(ADAS_ATTEMPT.toString());
    }

    @Test
    void anotherSeekersAttemptIsIndistinguishableFromAnUnknownOne() {
        String token = tokens().tokenFor(ADA);
        for (String id : new String[] { BEAS_ATTEMPT.toString(), UUID.randomUUID().toString(), "not-a-uuid" }) {
            Response response = api().get("/api/me/attempts/" + id, token);
            assertProblem(response, 404, "not-found");
            assertThat(response.body().get("detail").asString()).isEqualTo("No attempt " + id + ".");
        }
        assertThat(api().get("/api/me/attempts", token).body().get("items")).hasSize(1);
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthenticated() {
        String path = "/api/me/attempts/" + ADAS_ATTEMPT;
        Response missing = api().get(path, null);
        assertProblem(missing, 401, "unauthenticated");
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");

        assertProblem(api().get(path, tokens().forgedTokenFor(ADA)), 401, "unauthenticated");
        assertProblem(api().get(path, tokens().expiredTokenFor(ADA)), 401, "unauthenticated");
        assertProblem(api().get(path, tokens().tokenFromOtherIssuer(ADA)), 401, "unauthenticated");
        assertProblem(api().get(path, tokens().tokenWithSubject("ada")), 401, "unauthenticated");
        assertProblem(api().get(path, "not.a.jwt"), 401, "unauthenticated");
        assertProblem(api().get("/api/me/stats", null), 401, "unauthenticated");
        for (String newer : new String[] { "/api/me/goals", "/api/me/streaks", "/api/me/pauses", "/api/me/settings",
                "/api/me/reminders", "/api/challenges", "/api/challenges/" + UUID.randomUUID() }) {
            assertProblem(api().get(newer, null), 401, "unauthenticated");
        }
        assertProblem(api().get("/api/nothing-here", null), 401, "unauthenticated");
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        assertProblem(api().get("/api/nothing-here", tokens().tokenFor(ADA)), 404, "not-found");
        assertProblem(api().get("/api/me/attempts/" + ADAS_ATTEMPT + "/more", tokens().tokenFor(ADA)), 404,
                "not-found");
    }

    @ParameterizedTest
    @CsvSource({
            "/api/me/attempts?limit=0, limit",
            "/api/me/attempts?limit=101, limit",
            "/api/me/attempts?limit=ten, limit",
            "/api/me/attempts?status=NOPE, status",
            "/api/me/attempts?category=NOPE, category",
            "/api/me/attempts?cursor=garbage, cursor",
            "/api/me/attempts?cursor=, cursor",
            "/api/me/timeline?limit=0, limit",
            "/api/me/timeline?limit=101, limit",
            "/api/me/timeline?cursor=bm90IGEgY3Vyc29y, cursor",
            "/api/me/stats?from=2026-03-10&to=2026-03-09, from",
            "/api/me/stats?from=2026-13-01, from",
            "/api/me/stats?to=yesterday, to",
            "/api/me/stats?category=NOPE, category",
            "/api/me/stats?from=-10000-01-01, from",
            "/api/me/stats?to=%2B10000-01-01, to",
            "/api/me/goals?includeRetired=maybe, includeRetired",
            "/api/challenges?mine=perhaps, mine",
            "/api/challenges?limit=0, limit",
            "/api/challenges?limit=101, limit",
            "/api/challenges?cursor=garbage, cursor",
            "/api/challenges?mine=true&cursor=bm90IGEgY3Vyc29y, cursor",
            "/api/me/attempts?cursor=KzEwMDAwLTAxLTAxfDIwMjYtMDEtMDFUMDA6MDA6MDBafDVlZWMwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMQ, cursor",
            "/api/me/timeline?cursor=KzEwMDAwMDAtMDEtMDFUMDA6MDA6MDBafDVlZWMwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMQ, cursor"
    })
    void badInputIsAValidationProblemNamingTheField(String path, String field) {
        Response response = api().get(path, tokens().tokenFor(ADA));

        assertProblem(response, 400, "validation");
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(response.body().get("errors").get(0).get("message").asString()).isNotBlank();
    }

    @Test
    void limitsAtTheBoundariesAreAccepted() {
        String token = tokens().tokenFor(ADA);
        assertThat(api().get("/api/me/attempts?limit=1", token).status()).isEqualTo(200);
        assertThat(api().get("/api/me/attempts?limit=100", token).status()).isEqualTo(200);
        assertThat(api().get("/api/me/timeline?limit=100", token).status()).isEqualTo(200);
        assertThat(api().get("/api/challenges?limit=1", token).status()).isEqualTo(200);
        assertThat(api().get("/api/challenges?mine=true&limit=100", token).status()).isEqualTo(200);
    }

    @Test
    void unknownChallengesAreNotFoundProblems() {
        String token = tokens().tokenFor(ADA);
        for (String id : new String[] { UUID.randomUUID().toString(), "not-a-uuid" }) {
            Response response = api().get("/api/challenges/" + id, token);
            assertProblem(response, 404, "not-found");
            assertThat(response.body().get("detail").asString()).isEqualTo("No challenge " + id + ".");
        }
    }

    @Test
    void aConsistencyTokenHoldsTheQueryUntilTheEventIsProjected() throws Exception {
        UUID attemptId = UUID.randomUUID();
        EventEnvelope logged = events().envelope(logged(attemptId, ADA), Instant.now());
        CompletableFuture<Void> publishedLater = CompletableFuture.runAsync(() -> events().publish(logged),
                CompletableFuture.delayedExecutor(400, TimeUnit.MILLISECONDS));

        long started = System.nanoTime();
        Response response = api().get("/api/me/attempts/" + attemptId, tokens().tokenFor(ADA),
                Map.of("Consistency-Token", attemptId + "." + logged.aggregateSequence()));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        publishedLater.get();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("attemptId").asString()).isEqualTo(attemptId.toString());
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(350));
    }

    @Test
    void aReachedConsistencyTokenAnswersAtOnce() {
        long started = System.nanoTime();
        Response response = api().get("/api/me/stats", tokens().tokenFor(ADA),
                Map.of("Consistency-Token", ADAS_ATTEMPT + ".0"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("attempts").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anUnreachedConsistencyTokenIsANotYetConsistentProblemToRetry() {
        long started = System.nanoTime();
        Response response = api().get("/api/me/timeline", tokens().tokenFor(ADA),
                Map.of("Consistency-Token", ADAS_ATTEMPT + ".1"));

        assertProblem(response, 503, "not-yet-consistent");
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1400),
                Duration.ofSeconds(5));
    }

    @Test
    void aSupportersTokenCountsTheirOwnEventsOnTheShareNeverOthersReports() {
        UUID share = UUID.randomUUID();
        Instant now = Instant.now();
        events().publish(new RejectionShared(share, BEA, BEAS_ATTEMPT, AttemptStatus.REJECTED, Category.JOB, null, 2,
                LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-03"), "a no", true, ShareAudience.PUBLIC, null),
                now);
        events().publish(new ShareReported(share, UUID.randomUUID(), "spam", LocalDate.parse("2026-03-03")), now);
        events().publish(new ShareReported(share, UUID.randomUUID(), "spam", LocalDate.parse("2026-03-03")), now);
        EventEnvelope hug = events().publish(new SupportOffered(share, ADA, SupportKind.HUG, null,
                LocalDate.parse("2026-03-03")), now);
        awaitAll(List.of(hug));

        // Ada's first event on the share is met, whatever came before it; a second one of hers is not there
        assertThat(api().get("/api/feed", tokens().tokenFor(ADA), Map.of("Consistency-Token", share + ".0"))
                .status()).isEqualTo(200);
        assertProblem(api().get("/api/feed", tokens().tokenFor(ADA), Map.of("Consistency-Token", share + ".1")),
                503, "not-yet-consistent");
        // so the share's version, 3 here, is nothing she can probe for
        assertProblem(api().get("/api/feed", tokens().tokenFor(ADA),
                Map.of("Consistency-Token", share + "." + hug.aggregateSequence())), 503, "not-yet-consistent");
    }

    @Test
    void anotherSeekersEventNeverSatisfiesAConsistencyToken() {
        Response response = api().get("/api/me/attempts", tokens().tokenFor(ADA),
                Map.of("Consistency-Token", BEAS_ATTEMPT + ".0"));
        assertProblem(response, 503, "not-yet-consistent");
    }

    @ParameterizedTest
    @ValueSource(strings = { "no-dot", "trailing.", ".5", "abc.x", "abc.-1", "abc.1.5x" })
    void aMalformedConsistencyTokenIsAMalformedRequest(String token) {
        Response response = api().get("/api/me/attempts", tokens().tokenFor(ADA), Map.of("Consistency-Token", token));
        assertProblem(response, 400, "malformed-request");
    }

    private static AttemptLogged logged(UUID attemptId, UUID seekerId) {
        return new AttemptLogged(attemptId, seekerId, Category.JOB, "Acme", "Engineer", null,
                LocalDate.parse("2026-03-01"), null);
    }

    private static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.body().path("type").asString("")).as(response.toString()).isEqualTo(PROBLEMS + type);
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("title").asString()).isNotBlank();
    }
}
