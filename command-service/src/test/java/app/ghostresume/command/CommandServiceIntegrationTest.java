package app.ghostresume.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.ghostresume.command.platform.security.TokenIssuer;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.EventCodec;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.ResponseDeadlinesSet;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.security.RememberedTokens;
import app.ghostresume.personal.SeekerKeys;
import app.ghostresume.stack.TestInfrastructure;
import app.ghostresume.stack.testing.ApiOperations;
import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.HttpApi.Answer;
import app.ghostresume.stack.testing.TopicReader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command service over HTTP against real PostgreSQL and a real Kafka broker: what it accepts, what it
 * refuses, and what reaches the topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommandServiceIntegrationTest {

    private static final String TOPIC = TestInfrastructure.get().newTopicName("command-it");
    private static final ZoneId ZONE = ZoneId.of("Europe/Lisbon");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        CommandServiceTests.connect(registry, "command_it", () -> TOPIC);
        registry.add("ghost.kafka.delivery-timeout", () -> "PT3S");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    SeekerKeys keys;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    JwtDecoder jwtDecoder;

    private HttpApi api;
    private StoredEvents stored;
    private final EventCodec codec = new EventCodec();

    @BeforeEach
    void setUp() {
        api = new HttpApi("http://localhost:" + port);
        stored = new StoredEvents(jdbc, keys);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Open without a token, exactly the controllers' endpoints, the bearer scheme; written for client generators. */
    @Test
    void theOpenApiDocumentDescribesEveryEndpointTheControllersServe() throws IOException {
        Answer document = api.get("/v3/api-docs").send();

        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        JsonNode body = document.body();
        assertThat(body.get("openapi").asString()).startsWith("3.1");
        assertThat(body.get("info").get("title").asString()).isEqualTo("Ghost Résumé command service");
        assertThat(body.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
                .isEqualTo("bearer");
        assertThat(ApiOperations.documented(body)).isEqualTo(ApiOperations.served(mappings));
        assertThat(ApiOperations.parameters(body)).as("the caller comes from the token, not from the request")
                .doesNotContain("seekerId (query)", "operatorId (query)");
        assertThat(body.get("paths").get("/api/accounts").get("post").get("security")).as("sign-up").isEmpty();
        JsonNode logging = body.get("paths").get("/api/attempts").get("post");
        assertThat(logging.get("parameters").valueStream().map(parameter -> parameter.get("name").asString()))
                .contains("Idempotency-Key");
        assertThat(logging.get("responses").get("400").get("content").has("application/problem+json")).isTrue();
        assertThat(logging.has("security")).as("the document's bearer requirement holds").isFalse();
        assertThat(api.get("/swagger-ui/index.html").send().status()).isEqualTo(200);
        Path file = Path.of("target", "openapi", "command-service.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, body.toPrettyString());
    }

    @Test
    void theTokenDecoderIsBehindRememberedTokens() {
        assertThat(jwtDecoder).isInstanceOf(RememberedTokens.class);
    }

    @Test
    void aSeekerSignsUpLogsAnAttemptAndItsRejectionAndEveryEventReachesKafka() {
        Answer signUp = api.post("/api/accounts", Map.of("handle", "nora-" + CommandServiceTests.suffix(), "password",
                "correct horse battery",
                "displayName", "Nora", "timeZone", ZONE.getId())).send();
        assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
        UUID seekerId = UUID.fromString(signUp.body().get("seekerId").asString());
        String handle = signUp.body().get("handle").asString();

        Answer signIn = api.post("/api/sessions", Map.of("handle", handle.toUpperCase(), "password",
                "correct horse battery")).send();
        assertThat(signIn.status()).isEqualTo(201);
        assertThat(signIn.body().get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(signIn.body().get("expiresIn").asLong()).isEqualTo(3600);
        String token = signIn.body().get("accessToken").asString();

        LocalDate sent = LocalDate.now(ZONE).minusDays(10);
        Answer logged = api.post("/api/attempts", Map.of("category", "GRANT", "target", "  Arts Council ",
                "title", "Project grant", "sentOn", sent.toString(), "expectedResponseBy",
                sent.plusDays(30).toString())).token(token).send();
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        UUID attemptId = UUID.fromString(logged.body().get("attemptId").asString());
        assertThat(logged.header("Location")).isEqualTo("/api/attempts/" + attemptId);
        assertThat(logged.body().get("consistencyToken").asString()).isEqualTo(attemptId + ".1");

        Answer rejected = api.post("/api/attempts/" + attemptId + "/rejection", Map.of("receivedOn",
                sent.plusDays(5).toString(), "feedback", "oversubscribed", "sting", 3)).token(token).send();
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.body().get("consistencyToken").asString()).isEqualTo(attemptId + ".2");

        List<EventEnvelope> events = eventsOf(seekerId, 4);
        assertThat(events).extracting(EventEnvelope::payload).containsExactly(
                new SeekerRegistered(seekerId, handle, "Nora", ZONE),
                new AttemptLogged(attemptId, seekerId, app.ghostresume.events.Category.GRANT, "Arts Council",
                        "Project grant", null, sent, sent.plusDays(30)),
                new ResponseDeadlinesSet(attemptId, seekerId, sent.plusDays(21), sent.plusDays(30)),
                new RejectionReceived(attemptId, seekerId, sent.plusDays(5), null, "oversubscribed", 3));
        assertThat(events.get(3).aggregateId()).isEqualTo(attemptId.toString());
        assertThat(events.get(3).aggregateSequence()).isEqualTo(2);
        assertThat(events).extracting(EventEnvelope::eventId).doesNotHaveDuplicates();
    }

    @Test
    void eventsAreStoredOnPlainJdbcEachTakingItsIndexFromTheSequence() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        String token = signUp("jdbc-" + CommandServiceTests.suffix(), "correct horse battery");
        Answer logged = api.post("/api/attempts", Map.of("category", "PITCH", "target", "Granta", "title",
                "Story")).token(token).send();
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        List<String> stored = jdbc.sql("""
                SELECT sequence_number || ' ' || payload_type || ' ' || (global_index > 0) || ' '
                       || (time_stamp LIKE '____-__-__T%Z')
                FROM domain_event_entry WHERE aggregate_identifier = :attempt ORDER BY global_index
                """).param("attempt", logged.body().get("attemptId").asString()).query(String.class).list();
        assertThat(stored).containsExactly("0 app.ghostresume.events.AttemptLogged true true",
                "1 app.ghostresume.events.ResponseDeadlinesSet true true");
    }

    @Test
    void thePasswordNeverEntersTheEventStore() {
        String password = "a very distinctive password " + CommandServiceTests.suffix();
        signUp("pw-" + CommandServiceTests.suffix(), password);

        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE :p")
                .param("p", "%" + password + "%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM seeker_account WHERE password_hash LIKE '{argon2}%'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void theEventStoreComparesIdentifiersBytewise() {
        assertThat(jdbc.sql("""
                SELECT table_name || '.' || column_name AS name, collation_name FROM information_schema.columns
                WHERE table_name IN ('domain_event_entry', 'snapshot_event_entry')
                  AND column_name IN ('aggregate_identifier', 'event_identifier')
                """).query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2))).list())
                .hasSize(4).allSatisfy(column -> assertThat(column.getValue()).as(column.getKey()).isEqualTo("C"));
    }

    @Test
    void handlesAreUniqueRegardlessOfCaseEvenUnderARace() throws Exception {
        String handle = "Ghost" + CommandServiceTests.suffix();
        assertThat(signUpAnswer(handle).status()).isEqualTo(201);
        Answer again = signUpAnswer(handle.toLowerCase());
        assertThat(again.status()).isEqualTo(409);
        CommandServiceTests.assertProblem(again, "handle-taken");

        String raced = "race" + CommandServiceTests.suffix();
        long registrationsBefore = jdbc.sql("SELECT count(*) FROM domain_event_entry "
                + "WHERE payload_type LIKE '%SeekerRegistered'").query(Long.class).single();
        List<Callable<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String variant = i % 2 == 0 ? raced : raced.toUpperCase();
            racers.add(() -> signUpWhenNotBusy(variant).status());
        }
        List<Integer> statuses = runConcurrently(racers);
        assertThat(statuses).containsOnly(201, 409);
        assertThat(Collections.frequency(statuses, 201)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM seeker_account WHERE lower(handle) = lower(:h)").param("h", raced)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM domain_event_entry
                WHERE payload_type LIKE '%SeekerRegistered' AND aggregate_identifier IN (
                    SELECT CAST(seeker_id AS text) FROM seeker_account WHERE lower(handle) = lower(:h))
                """).param("h", raced).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%SeekerRegistered'")
                .query(Long.class).single()).as("one registration for the raced handle, none for its losers")
                .isEqualTo(registrationsBefore + 1);
    }

    @Test
    void theSameIdempotencyKeyLogsOneAttemptAndAnswersTheSame() {
        String token = signUp("idem-" + CommandServiceTests.suffix(), "long enough password");
        Map<String, Object> body = Map.of("category", "JOB", "target", "Acme", "title", "Engineer");
        long before = stored.eventCount();

        Answer first = api.post("/api/attempts", body).token(token).header("Idempotency-Key", "k-1").send();
        Answer retry = api.post("/api/attempts", body).token(token).header("Idempotency-Key", "k-1").send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(stored.eventCount()).isEqualTo(before + 2);

        Answer reused = api.post("/api/attempts", Map.of("category", "JOB", "target", "Acme", "title", "Manager"))
                .token(token).header("Idempotency-Key", "k-1").send();
        assertThat(reused.status()).isEqualTo(422);
        CommandServiceTests.assertProblem(reused, "idempotency-key-reused");
        assertThat(stored.eventCount()).isEqualTo(before + 2);

        String attempt = first.body().get("attemptId").asString();
        Answer rejection = api.post("/api/attempts/" + attempt + "/rejection", Map.of())
                .token(token).header("Idempotency-Key", "k-2").send();
        Answer rejectionRetry = api.post("/api/attempts/" + attempt + "/rejection", Map.of())
                .token(token).header("Idempotency-Key", "k-2").send();
        assertThat(rejection.status()).isEqualTo(200);
        assertThat(rejectionRetry.status()).isEqualTo(200);
        assertThat(rejectionRetry.text()).isEqualTo(rejection.text());
        assertThat(stored.eventCount()).isEqualTo(before + 3);
    }

    @Test
    void keysBelongToTheirSeeker() {
        String alice = signUp("alice-" + CommandServiceTests.suffix(), "long enough password");
        String bob = signUp("bob-" + CommandServiceTests.suffix(), "long enough password");
        Map<String, Object> body = Map.of("category", "JOB", "target", "Acme", "title", "Engineer");

        Answer a = api.post("/api/attempts", body).token(alice).header("Idempotency-Key", "shared").send();
        Answer b = api.post("/api/attempts", body).token(bob).header("Idempotency-Key", "shared").send();

        assertThat(b.status()).isEqualTo(201);
        assertThat(b.header("Idempotent-Replayed")).isNull();
        assertThat(b.body().get("attemptId")).isNotEqualTo(a.body().get("attemptId"));
    }

    @Test
    void anotherSeekersAttemptDoesNotExist() {
        String owner = signUp("owner-" + CommandServiceTests.suffix(), "long enough password");
        String stranger = signUp("stranger-" + CommandServiceTests.suffix(), "long enough password");
        String attempt = logAttempt(owner);
        long before = stored.eventCount();

        for (String path : List.of("/rejection", "/acceptance", "/ghosting", "/withdrawal")) {
            Answer answer = api.post("/api/attempts/" + attempt + path, Map.of()).token(stranger).send();
            assertThat(answer.status()).as(path).isEqualTo(404);
            CommandServiceTests.assertProblem(answer, "not-found");
        }
        assertThat(api.post("/api/attempts/" + attempt + "/progress", Map.of("stage", "x")).token(stranger).send()
                .status()).isEqualTo(404);
        assertThat(api.patch("/api/attempts/" + attempt, Map.of("title", "mine")).token(stranger).send().status())
                .isEqualTo(404);
        assertThat(api.post("/api/attempts/" + UUID.randomUUID() + "/rejection", Map.of()).token(owner).send()
                .status()).isEqualTo(404);
        assertThat(api.post("/api/attempts/not-a-uuid/rejection", Map.of()).token(owner).send().status())
                .isEqualTo(404);
        assertThat(stored.eventCount()).isEqualTo(before);
    }

    @Test
    void everyApiCallButSignUpAndSignInNeedsAValidToken() throws Exception {
        String token = signUp("auth-" + CommandServiceTests.suffix(), "long enough password");
        Map<String, Object> body = Map.of("category", "JOB", "target", "Acme", "title", "Engineer");

        Answer missing = api.post("/api/attempts", body).send();
        assertThat(missing.status()).isEqualTo(401);
        CommandServiceTests.assertProblem(missing, "unauthenticated");
        assertThat(api.post("/api/attempts", body).token("not.a.jwt").send().status()).isEqualTo(401);
        assertThat(api.post("/api/attempts", body).token(forgedLike(token)).send().status()).isEqualTo(401);
        assertThat(api.post("/api/attempts", body).token(token.substring(0, token.length() - 4) + "AAAA").send()
                .status()).isEqualTo(401);
        assertThat(api.post("/api/sessions", Map.of("handle", "auth-nobody", "password", "whatever password"))
                .send().status()).isEqualTo(401);

        long before = stored.eventCount();
        Answer noAccount = api.post("/api/attempts", body)
                .token(tokens.issue(UUID.randomUUID(), "nobody").accessToken()).send();
        assertThat(noAccount.status()).as("a well-signed token for an account that does not exist").isEqualTo(401);
        CommandServiceTests.assertProblem(noAccount, "unauthenticated");
        assertThat(stored.eventCount()).isEqualTo(before);

        JsonNode jwks = api.get("/.well-known/jwks.json").send().body();
        assertThat(jwks.get("keys").get(0).get("kty").asString()).isEqualTo("RSA");
        assertThat(jwks.get("keys").get(0).has("d")).as("no private part").isFalse();
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        String token = signUp("bad-" + CommandServiceTests.suffix(), "long enough password");
        String attempt = logAttempt(token);
        long before = stored.eventCount();
        long accountsBefore = accountCount();
        String today = LocalDate.now(ZONE).toString();
        String tomorrow = LocalDate.now(ZONE).plusDays(2).toString();

        record Case(String method, String path, String body, int status, String type) {
        }
        List<Case> cases = List.of(
                new Case("POST", "/api/attempts", "{not json", 400, "malformed-request"),
                new Case("POST", "/api/attempts", "", 400, "malformed-request"),
                new Case("POST", "/api/attempts", "{\"category\":\"JOBZ\",\"target\":\"a\",\"title\":\"b\"}", 400,
                        "validation"),
                new Case("POST", "/api/attempts", "{\"category\":\"JOB\",\"target\":\"a\"}", 400, "validation"),
                new Case("POST", "/api/attempts", "{\"category\":\"JOB\",\"target\":\"a\",\"title\":\"   \"}", 400,
                        "validation"),
                new Case("POST", "/api/attempts", "{\"category\":\"JOB\",\"target\":\"a\",\"title\":\""
                        + "x".repeat(201) + "\"}", 400, "validation"),
                new Case("POST", "/api/attempts", "{\"category\":\"JOB\",\"target\":\"a\",\"title\":\"b\",\"notes\":\""
                        + "x".repeat(5001) + "\"}", 400, "validation"),
                new Case("POST", "/api/attempts", "{\"category\":\"JOB\",\"target\":\"a\",\"title\":\"b\",\"sentOn\":\""
                        + tomorrow + "\"}", 422, "rule-violation"),
                new Case("POST", "/api/attempts",
                        "{\"category\":\"JOB\",\"target\":\"a\",\"title\":\"b\",\"sentOn\":\"2026-13-45\"}",
                        400, "validation"),
                new Case("POST", "/api/attempts", "[1,2]", 400, "malformed-request"),
                new Case("POST", "/api/attempts", "{\"category\":\"JOB\",\"target\":\"a\",\"title\":\"nul\\u0000\"}",
                        400, "validation"),
                new Case("POST", "/api/attempts",
                        "{\"category\":\"JOB\",\"target\":\"a\",\"title\":\"b\",\"sentOn\":\"-10000-01-01\"}",
                        422, "rule-violation"),
                new Case("POST", "/api/attempts", "{\"category\":\"JOB\",\"target\":\"a\",\"title\":\"b\","
                        + "\"expectedResponseBy\":\"+10000-01-01\"}", 422, "rule-violation"),
                new Case("POST", "/api/attempts/" + StoredEvents.seekerIdOf(token) + "/rejection", "{}", 404,
                        "not-found"),
                new Case("POST", "/api/attempts/" + attempt + "/rejection", "{\"sting\":9}", 400, "validation"),
                new Case("POST", "/api/attempts/" + attempt + "/rejection", "{\"sting\":\"a lot\"}", 400, "validation"),
                new Case("POST", "/api/attempts/" + attempt + "/rejection", "{\"receivedOn\":\"2000-01-01\"}", 422,
                        "rule-violation"),
                new Case("POST", "/api/attempts/" + attempt + "/acceptance", "{\"receivedOn\":\"" + tomorrow + "\"}",
                        422, "rule-violation"),
                new Case("POST", "/api/attempts/" + attempt + "/progress", "{\"on\":\"" + today + "\"}", 400,
                        "validation"),
                new Case("PATCH", "/api/attempts/" + attempt, "{\"title\":\"\"}", 400, "validation"),
                new Case("PATCH", "/api/attempts/" + attempt, "{\"expectedResponseBy\":\"2000-01-01\"}", 422,
                        "rule-violation"),
                new Case("POST", "/api/accounts",
                        "{\"handle\":\"tz" + CommandServiceTests.suffix() + "\",\"password\":\"long enough password\","
                        + "\"displayName\":\"x\",\"timeZone\":\"Mars/Olympus\"}", 400, "validation"),
                new Case("POST", "/api/accounts",
                        "{\"handle\":\"pw" + CommandServiceTests.suffix() + "\",\"password\":\"short\","
                        + "\"displayName\":\"x\",\"timeZone\":\"UTC\"}", 400, "validation"),
                new Case("POST", "/api/accounts",
                        "{\"handle\":\"no spaces allowed\",\"password\":\"long enough password\","
                        + "\"displayName\":\"x\",\"timeZone\":\"UTC\"}", 400, "validation"));

        for (Case c : cases) {
            HttpApi.Call call = "PATCH".equals(c.method()) ? api.patch(c.path(), c.body()) : api.post(c.path(),
                    c.body());
            Answer answer = call.token(token).send();
            assertThat(answer.status()).as(c.toString() + " -> " + answer).isEqualTo(c.status());
            CommandServiceTests.assertProblem(answer, c.type());
        }
        assertThat(stored.eventCount()).isEqualTo(before);
        assertThat(accountCount()).isEqualTo(accountsBefore);
    }

    @Test
    void aRetryAfterTheIdempotencyRecordIsGoneStillLogsNoSecondAttempt() {
        String token = signUp("late-" + CommandServiceTests.suffix(), "long enough password");
        Map<String, Object> body = Map.of("category", "JOB", "target", "Acme", "title", "Engineer");
        assertThat(api.post("/api/attempts", body).token(token).header("Idempotency-Key", "late").send().status())
                .isEqualTo(201);
        long before = stored.eventCount();
        jdbc.sql("DELETE FROM idempotent_request WHERE idempotency_key = 'late'").update();

        Answer late = api.post("/api/attempts", body).token(token).header("Idempotency-Key", "late").send();

        assertThat(late.status()).isEqualTo(409);
        CommandServiceTests.assertProblem(late, "concurrent-change");
        assertThat(stored.eventCount()).isEqualTo(before);
    }

    @Test
    void signUpRetriedWithItsKeyIsAnsweredOnceAndStrangersKeysDoNotCollide() {
        String handle = "signup-" + CommandServiceTests.suffix();
        Map<String, Object> body = Map.of("handle", handle, "password", "long enough password", "displayName", "S",
                "timeZone", "UTC");
        Answer first = api.post("/api/accounts", body).header("Idempotency-Key", "same-key").send();
        Answer retry = api.post("/api/accounts", body).header("Idempotency-Key", "same-key").send();
        Answer stranger = api.post("/api/accounts", Map.of("handle", handle + "x", "password", "long enough password",
                "displayName", "T", "timeZone", "UTC")).header("Idempotency-Key", "same-key").send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(stranger.status()).isEqualTo(201);
        assertThat(stranger.body().get("seekerId")).isNotEqualTo(first.body().get("seekerId"));
    }

    @Test
    void aFinalOutcomeCannotBeFollowedByAnother() {
        String token = signUp("final-" + CommandServiceTests.suffix(), "long enough password");
        String attempt = logAttempt(token);
        assertThat(api.post("/api/attempts/" + attempt + "/acceptance", Map.of()).token(token).send().status())
                .isEqualTo(200);

        Answer again = api.post("/api/attempts/" + attempt + "/rejection", Map.of()).token(token).send();

        assertThat(again.status()).isEqualTo(409);
        CommandServiceTests.assertProblem(again, "attempt-state-conflict");
    }

    @Test
    void concurrentOutcomesOnOneAttemptLetExactlyOneThrough() throws Exception {
        String token = signUp("conc-" + CommandServiceTests.suffix(), "long enough password");
        String attempt = logAttempt(token);
        List<Callable<Integer>> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String path = i % 2 == 0 ? "/rejection" : "/acceptance";
            outcomes.add(() -> api.post("/api/attempts/" + attempt + path, Map.of()).token(token).send().status());
        }

        List<Integer> statuses = runConcurrently(outcomes);

        assertThat(Collections.frequency(statuses, 200)).isEqualTo(1);
        assertThat(statuses).containsOnly(200, 409);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :a")
                .param("a", attempt).query(Long.class).single()).isEqualTo(3);
    }

    /** The outage outlasts the producer's delivery timeout, so publication fails and must be retried. */
    @Test
    void commandsAreAcceptedWhileKafkaIsDownAndPublishedOnceItIsBack() throws InterruptedException {
        String token = signUp("outage-" + CommandServiceTests.suffix(), "long enough password");
        UUID seekerId = StoredEvents.seekerIdOf(token);
        eventsOf(seekerId, 1);
        TestInfrastructure.get().kafka().stop();
        List<String> attempts = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                attempts.add(logAttempt(token));
            }
            Thread.sleep(Duration.ofSeconds(7).toMillis());
            attempts.add(logAttempt(token));
        }
        finally {
            TestInfrastructure.get().kafka().start();
        }

        List<EventEnvelope> events = eventsOf(seekerId, 1 + 2 * attempts.size());
        Set<String> published = new HashSet<>();
        events.forEach(e -> published.add(e.aggregateId()));
        assertThat(published).containsAll(attempts);
        assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(200);
    }

    // --- helpers

    private String signUp(String handle, String password) {
        Answer answer = api.post("/api/accounts", Map.of("handle", handle, "password", password, "displayName",
                handle, "timeZone", ZONE.getId())).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        Answer session = api.post("/api/sessions", Map.of("handle", handle, "password", password)).send();
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        return session.body().get("accessToken").asString();
    }

    /** Signs up, trying again when the service is too busy hashing passwords, as it asks (503 with Retry-After). */
    private Answer signUpWhenNotBusy(String handle) throws InterruptedException {
        Answer answer = signUpAnswer(handle);
        for (int i = 0; i < 50 && answer.status() == 503; i++) {
            CommandServiceTests.assertProblem(answer, "busy");
            Thread.sleep(Long.parseLong(answer.header("Retry-After")) * 1000);
            answer = signUpAnswer(handle);
        }
        return answer;
    }

    private Answer signUpAnswer(String handle) {
        return api.post("/api/accounts", Map.of("handle", handle, "password", "long enough password", "displayName",
                handle, "timeZone", "UTC")).send();
    }

    private String logAttempt(String token) {
        Answer answer = api.post("/api/attempts", Map.of("category", "JOB", "target", "Acme", "title", "Engineer",
                "sentOn", LocalDate.now(ZONE).minusDays(3).toString())).token(token).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.body().get("attemptId").asString();
    }

    private long accountCount() {
        return jdbc.sql("SELECT count(*) FROM seeker_account").query(Long.class).single();
    }

    /** The distinct events of one seeker on the topic, in topic order, once at least {@code expected} arrived. */
    private List<EventEnvelope> eventsOf(UUID seekerId, int expected) {
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(
                TestInfrastructure.get().bootstrapServers(), TOPIC,
                read -> distinct(read, seekerId).size() >= expected, Duration.ofSeconds(90));
        List<EventEnvelope> events = distinct(records, seekerId);
        assertThat(events).hasSizeGreaterThanOrEqualTo(expected);
        assertThat(records.stream().filter(r -> r.key().equals(seekerId.toString()))
                .map(ConsumerRecord::partition).distinct()).as("one partition per seeker").hasSize(1);
        return events;
    }

    private List<EventEnvelope> distinct(List<ConsumerRecord<String, byte[]>> records, UUID seekerId) {
        Set<UUID> seen = new HashSet<>();
        return records.stream().filter(r -> r.key().equals(seekerId.toString()))
                .map(r -> codec.decode(r.value()).orElseThrow())
                .filter(e -> seen.add(e.eventId()))
                .map(e -> new EventEnvelope(e.eventId(), e.type(), e.version(), e.seekerId(), e.aggregateId(),
                        e.aggregateSequence(), e.occurredAt(), stored.opened(e.payload())))
                .toList();
    }

    /** A token with the same claims, signed by a key that is not ours. */
    private String forgedLike(String token) throws Exception {
        RSAKey foreign = new RSAKeyGenerator(2048).keyID(SignedJWT.parse(token).getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(foreign.getKeyID()).build(),
                JWTClaimsSet.parse(SignedJWT.parse(token).getJWTClaimsSet().toJSONObject()));
        forged.sign(new RSASSASigner(foreign));
        return forged.serialize();
    }

    private static <T> List<T> runConcurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        }
        finally {
            pool.shutdownNow();
        }
    }
}
