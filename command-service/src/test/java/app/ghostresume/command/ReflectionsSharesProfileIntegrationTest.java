package app.ghostresume.command;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.command.platform.security.TokenIssuer;
import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.events.EventCodec;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.RejectionShared;
import app.ghostresume.events.ShareAudience;
import app.ghostresume.personal.SeekerKeys;
import app.ghostresume.stack.TestInfrastructure;
import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.HttpApi.Answer;
import app.ghostresume.stack.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reflections, the profile, and shares with their support and reports over HTTP against real PostgreSQL and a real
 * Kafka broker: what is accepted, what is refused (and then writes nothing), and what reaches the topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReflectionsSharesProfileIntegrationTest {

    private static final String TOPIC = TestInfrastructure.get().newTopicName("command-shares");
    private static final ZoneId ZONE = ZoneId.of("Europe/Lisbon");

    /** The one seeker named an operator. */
    private static final UUID OPERATOR = UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        CommandServiceTests.connect(registry, "command_shares", () -> TOPIC);
        registry.add("ghost.security.operators", OPERATOR::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SeekerKeys keys;

    @Autowired
    TokenIssuer tokens;

    private HttpApi api;
    private StoredEvents stored;

    @BeforeEach
    void setUp() {
        api = new HttpApi("http://localhost:" + port);
        stored = new StoredEvents(jdbc, keys);
    }

    // --- reflections

    @Test
    void theOwnerReflectsOnAnAttemptInAnyStatusAsOftenAsTheyLike() {
        String token = signUp("reflect-" + CommandServiceTests.suffix());
        String attempt = logAttempt(token);

        Answer first = api.post("/api/attempts/" + attempt + "/reflections", Map.of("whatHappened", " no reply yet ",
                "wasItPersonal", "UNSURE")).token(token).send();

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String reflectionId = first.body().get("reflectionId").asString();
        assertThat(first.header("Location")).isEqualTo("/api/attempts/" + attempt + "/reflections/" + reflectionId);
        assertThat(first.body().get("attemptId").asString()).isEqualTo(attempt);
        assertThat(first.body().get("consistencyToken").asString()).isEqualTo(attempt + ".2");
        JsonNode event = stored.payload(attempt, "ReflectionRecorded");
        assertThat(event.get("reflectionId").asString()).isEqualTo(reflectionId);
        assertThat(event.get("whatHappened").asString()).isEqualTo("no reply yet");
        assertThat(event.get("whatILearned").isNull()).isTrue();
        assertThat(event.get("wasItPersonal").asString()).isEqualTo("UNSURE");
        assertThat(StoredEvents.date(event.get("recordedOn"))).isEqualTo(today().toString());

        reject(token, attempt, Map.of());
        Map<String, Object> body = Map.of("whatILearned", "x".repeat(2000), "nextTime", "ask", "whatHappened", " ");
        Answer keyed = api.post("/api/attempts/" + attempt + "/reflections", body).token(token)
                .header("Idempotency-Key", "r-1").send();
        Answer retry = api.post("/api/attempts/" + attempt + "/reflections", body).token(token)
                .header("Idempotency-Key", "r-1").send();
        assertThat(keyed.status()).as(keyed.toString()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(keyed.text());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(stored.eventsOfType(attempt, "ReflectionRecorded")).isEqualTo(2);
        jdbc.sql("DELETE FROM idempotent_request WHERE idempotency_key = 'r-1'").update();
        CommandServiceTests.assertProblem(api.post("/api/attempts/" + attempt + "/reflections", body).token(token)
                .header("Idempotency-Key", "r-1").send(), 409, "concurrent-change");
        assertThat(stored.eventsOfType(attempt, "ReflectionRecorded")).isEqualTo(2);
    }

    @Test
    void badReflectionsAreProblemsAndWriteNothing() {
        String token = signUp("badreflect-" + CommandServiceTests.suffix());
        String stranger = signUp("peeker-" + CommandServiceTests.suffix());
        String attempt = logAttempt(token);
        String path = "/api/attempts/" + attempt + "/reflections";
        long before = stored.eventCount();

        CommandServiceTests.assertProblem(api.post(path, Map.of()).token(token).send(), 422, "rule-violation");
        CommandServiceTests.assertProblem(api.post(path, Map.of("whatHappened", "  ", "nextTime",
                "")).token(token).send(), 422,
                "rule-violation");
        CommandServiceTests.assertProblem(api.post(path, Map.of("whatHappened",
                "x".repeat(2001))).token(token).send(), 400,
                "validation");
        CommandServiceTests.assertProblem(api.post(path, Map.of("nextTime", "a\u0007b")).token(token).send(), 400,
                "validation");
        CommandServiceTests.assertProblem(api.post(path, Map.of("wasItPersonal", "MAYBE")).token(token).send(), 400,
                "validation");
        CommandServiceTests.assertProblem(api.post(path, "{not json").token(token).send(), 400, "malformed-request");
        CommandServiceTests.assertProblem(api.post(path, Map.of("whatHappened", "hm")).token(stranger).send(), 404,
                "not-found");
        CommandServiceTests.assertNotFound(api.post("/api/attempts/" + UUID.randomUUID() + "/reflections",
                Map.of("whatHappened", "hm"))
                .token(token).send(), "attempt");
        CommandServiceTests.assertProblem(api.post("/api/attempts/nope/reflections", Map.of("whatHappened",
                "hm")).token(token).send(),
                404, "not-found");
        assertThat(api.post(path, Map.of("whatHappened", "hm")).send().status()).isEqualTo(401);
        assertThat(stored.eventCount()).isEqualTo(before);
    }

    // --- profile

    @Test
    void theProfileIsChangedOnlyWhenItChanges() {
        String token = signUp("profile-" + CommandServiceTests.suffix());
        UUID seekerId = StoredEvents.seekerIdOf(token);
        long before = stored.eventCount();

        Answer same = api.put("/api/me/profile", Map.of("publicGhostResume", false)).token(token).send();
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.body().get("publicGhostResume").asBoolean()).isFalse();
        assertThat(same.body().get("consistencyToken").asString()).isEqualTo(seekerId + ".0");
        assertThat(stored.eventCount()).as("already private").isEqualTo(before);

        Answer made = api.put("/api/me/profile", Map.of("publicGhostResume", true)).token(token).send();
        assertThat(made.status()).as(made.toString()).isEqualTo(200);
        assertThat(made.body().get("publicGhostResume").asBoolean()).isTrue();
        assertThat(made.body().get("consistencyToken").asString()).isEqualTo(seekerId + ".1");
        assertThat(stored.payload(seekerId.toString(), "ProfileChanged").get("publicGhostResume").asBoolean()).isTrue();
        Answer again = api.put("/api/me/profile", Map.of("publicGhostResume", true)).token(token).send();
        assertThat(again.body().get("consistencyToken").asString()).isEqualTo(seekerId + ".1");

        long after = stored.eventCount();
        CommandServiceTests.assertProblem(api.put("/api/me/profile", Map.of()).token(token).send(), 400, "validation");
        CommandServiceTests.assertProblem(api.put("/api/me/profile", Map.of("publicGhostResume",
                "sure")).token(token).send(), 400,
                "validation");
        CommandServiceTests.assertProblem(api.put("/api/me/profile", "{").token(token).send(), 400,
                "malformed-request");
        assertThat(api.put("/api/me/profile", Map.of("publicGhostResume", true)).send().status()).isEqualTo(401);
        assertThat(stored.eventCount()).isEqualTo(after);
    }

    // --- shares

    @Test
    void aRejectionIsSharedPubliclyWithoutItsTargetTitleOrNotesAndKeyedByTheShare() {
        String author = signUp("author-" + CommandServiceTests.suffix());
        UUID authorId = StoredEvents.seekerIdOf(author);
        String attempt = logAttempt(author);
        assertThat(api.post("/api/attempts/" + attempt + "/progress", Map.of("stage", "phone screen")).token(author)
                .send().status()).isEqualTo(200);
        reject(author, attempt, Map.of("sting", 4, "feedback", "not a fit"));

        Answer shared = api.post("/api/attempts/" + attempt + "/shares", Map.of("story", " it stung ",
                "anonymous", true, "audience", "PUBLIC")).token(author).send();

        assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
        String shareId = shared.body().get("shareId").asString();
        assertThat(shared.header("Location")).isEqualTo("/api/shares/" + shareId);
        assertThat(shared.body().get("consistencyToken").asString()).isEqualTo(shareId + ".0");
        JsonNode event = stored.payload(shareId, "RejectionShared");
        assertThat(event.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(event.get("stageReached").asString()).isEqualTo("phone screen");
        assertThat(event.get("sting").asInt()).isEqualTo(4);
        assertThat(event.get("story").asString()).isEqualTo("it stung");
        assertThat(event.toString()).doesNotContain("Acme", "Engineer", "secret", "not a fit");

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(
                TestInfrastructure.get().bootstrapServers(), TOPIC,
                read -> read.stream().anyMatch(r -> r.key().equals(shareId)), Duration.ofSeconds(90));
        EventEnvelope envelope = records.stream().filter(r -> r.key().equals(shareId)).findFirst()
                .flatMap(r -> new EventCodec().decode(r.value())).orElseThrow();
        assertThat(stored.opened(envelope.payload())).isEqualTo(new RejectionShared(UUID.fromString(shareId), authorId,
                UUID.fromString(attempt), AttemptStatus.REJECTED, Category.JOB, "phone screen", 4, today(), today(),
                "it stung", true, ShareAudience.PUBLIC, null));
        assertThat(envelope.aggregateId()).isEqualTo(shareId);

        long before = stored.eventCount();
        CommandServiceTests.assertProblem(api.post("/api/attempts/" + attempt + "/shares", Map.of("anonymous", false,
                "audience",
                "PUBLIC")).token(author).send(), 409, "already-shared");
        assertThat(stored.eventCount()).isEqualTo(before);
    }

    @Test
    void badSharesAreProblemsAndWriteNothing() {
        String author = signUp("badshare-" + CommandServiceTests.suffix());
        String stranger = signUp("sneak-" + CommandServiceTests.suffix());
        String waiting = logAttempt(author);
        String withdrawn = logAttempt(author);
        assertThat(api.post("/api/attempts/" + withdrawn + "/withdrawal", Map.of()).token(author).send().status())
                .isEqualTo(200);
        String rejected = logAttempt(author);
        reject(author, rejected, Map.of());
        String shares = "/api/attempts/" + rejected + "/shares";
        String otherChallenge = challenge(stranger, "PUBLIC").body().get("challengeId").asString();
        String inviteOnly = challenge(stranger, "INVITE").body().get("challengeId").asString();
        long before = stored.eventCount();

        CommandServiceTests.assertProblem(api.post("/api/attempts/" + waiting + "/shares",
                publicShare()).token(author).send(), 422,
                "not-shareable");
        CommandServiceTests.assertProblem(api.post("/api/attempts/" + withdrawn + "/shares",
                publicShare()).token(author).send(), 422,
                "not-shareable");
        Answer foreign = api.post(shares, publicShare()).token(stranger).send();
        CommandServiceTests.assertProblem(foreign, 404, "not-found");
        assertThat(foreign.body().get("detail").asString()).isEqualTo("No such attempt.");
        CommandServiceTests.assertProblem(api.post("/api/attempts/" + UUID.randomUUID() + "/shares",
                publicShare()).token(author).send(),
                404, "not-found");
        CommandServiceTests.assertNotFound(api.post("/api/attempts/nope/shares", publicShare()).token(author).send(),
                "attempt");
        CommandServiceTests.assertProblem(api.post(shares, Map.of("anonymous", false, "audience",
                "CHALLENGE")).token(author).send(),
                422, "rule-violation");
        CommandServiceTests.assertProblem(api.post(shares, Map.of("anonymous", false, "audience", "PUBLIC",
                "challengeId",
                otherChallenge)).token(author).send(), 422, "rule-violation");
        CommandServiceTests.assertProblem(api.post(shares, Map.of("anonymous", false, "audience", "CHALLENGE",
                "challengeId",
                otherChallenge)).token(author).send(), 422, "not-a-member");
        Answer invite = api.post(shares, Map.of("anonymous", false, "audience", "CHALLENGE", "challengeId",
                inviteOnly)).token(author).send();
        Answer unknown = api.post(shares, Map.of("anonymous", false, "audience", "CHALLENGE", "challengeId",
                UUID.randomUUID())).token(author).send();
        Answer notAChallenge = api.post(shares, Map.of("anonymous", false, "audience", "CHALLENGE", "challengeId",
                waiting)).token(author).send();
        for (Answer answer : List.of(invite, unknown, notAChallenge)) {
            CommandServiceTests.assertProblem(answer, 404, "not-found");
            assertThat(answer.body().get("detail").asString()).isEqualTo("No such challenge.");
        }
        CommandServiceTests.assertProblem(api.post(shares, Map.of("anonymous", false)).token(author).send(), 400,
                "validation");
        CommandServiceTests.assertProblem(api.post(shares, Map.of("audience", "PUBLIC")).token(author).send(), 400,
                "validation");
        CommandServiceTests.assertProblem(api.post(shares, Map.of("anonymous", false, "audience",
                "FRIENDS")).token(author).send(), 400,
                "validation");
        CommandServiceTests.assertProblem(api.post(shares, Map.of("anonymous", false, "audience", "CHALLENGE",
                "challengeId", "x"))
                .token(author).send(), 400, "validation");
        CommandServiceTests.assertProblem(api.post(shares, Map.of("anonymous", false, "audience", "PUBLIC", "story",
                "x".repeat(2001)))
                .token(author).send(), 400, "validation");
        CommandServiceTests.assertProblem(api.post(shares, Map.of("anonymous", false, "audience", "PUBLIC", "story",
                "a\u0000b"))
                .token(author).send(), 400, "validation");
        assertThat(stored.eventCount()).isEqualTo(before);
    }

    @Test
    void othersSupportAShareOnceAKindTakeItBackAndNeverLearnWhoWroteIt() {
        String author = signUp("sad-" + CommandServiceTests.suffix());
        UUID authorId = StoredEvents.seekerIdOf(author);
        String friend = signUp("kind-" + CommandServiceTests.suffix());
        String shareId = sharePublicly(author);
        String support = "/api/shares/" + shareId + "/support";

        Answer given = api.post(support, Map.of("kind", "HUG", "message", " hang in there ")).token(friend).send();
        assertThat(given.status()).as(given.toString()).isEqualTo(200);
        assertThat(given.body().get("shareId").asString()).isEqualTo(shareId);
        assertThat(given.body().get("kind").asString()).isEqualTo("HUG");
        assertThat(given.body().get("message").asString()).isEqualTo("hang in there");
        // the friend's own first event on the share: nothing of what others gave or reported
        assertThat(given.body().get("consistencyToken").asString()).isEqualTo(shareId + ".0");
        Answer repeated = api.post(support, Map.of("kind", "HUG", "message", "again")).token(friend).send();
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.body().get("message").asString()).as("the first message stays").isEqualTo("hang in there");
        assertThat(repeated.body().get("consistencyToken").asString()).isEqualTo(shareId + ".0");
        assertThat(api.post(support, Map.of("kind", "ME_TOO")).token(friend).send().status()).isEqualTo(200);
        assertThat(stored.eventsOfType(shareId, "SupportOffered")).isEqualTo(2);

        long before = stored.eventCount();
        List<Answer> refused = List.of(
                api.post(support, Map.of("kind", "PROUD")).token(author).send(),
                api.post(support, Map.of("kind", "HUG", "message", "x".repeat(501))).token(friend).send(),
                api.post(support, Map.of("kind", "HUG", "message", "a\u0001")).token(friend).send(),
                api.post(support, Map.of("kind", "KISS")).token(friend).send(),
                api.post(support, Map.of()).token(friend).send(),
                api.post("/api/shares/" + UUID.randomUUID() + "/support", Map.of("kind", "HUG")).token(friend).send(),
                api.post("/api/shares/nope/support", Map.of("kind", "HUG")).token(friend).send(),
                api.delete("/api/shares/" + shareId + "/support/KISS").token(friend).send(),
                api.delete("/api/shares/" + shareId).token(friend).send());
        CommandServiceTests.assertProblem(refused.get(0), 422, "own-share");
        for (Answer answer : refused.subList(1, 5)) {
            CommandServiceTests.assertProblem(answer, 400, "validation");
        }
        CommandServiceTests.assertProblem(refused.get(5), 404, "not-found");
        assertThat(refused.get(5).body().get("detail").asString()).isEqualTo("No such share.");
        CommandServiceTests.assertProblem(refused.get(6), 404, "not-found");
        CommandServiceTests.assertProblem(refused.get(7), 400, "validation");
        CommandServiceTests.assertProblem(refused.get(8), 403, "not-author");
        for (Answer answer : refused) {
            assertThat(answer.text()).doesNotContain(authorId.toString());
        }
        assertThat(stored.eventCount()).isEqualTo(before);

        assertThat(api.delete(support + "/HUG").token(friend).send().status()).isEqualTo(204);
        assertThat(api.delete(support + "/HUG").token(friend).send().status()).isEqualTo(204);
        assertThat(api.delete(support + "/PROUD").token(friend).send().status()).isEqualTo(204);
        assertThat(stored.eventsOfType(shareId, "SupportWithdrawn")).isEqualTo(1);
    }

    @Test
    void theAuthorWithdrawsAndSharesAgainWithoutTheEarlierSupport() {
        String author = signUp("again-" + CommandServiceTests.suffix());
        String friend = signUp("pal-" + CommandServiceTests.suffix());
        String attempt = logAttempt(author);
        reject(author, attempt, Map.of());
        String shareId = api.post("/api/attempts/" + attempt + "/shares", publicShare()).token(author).send().body()
                .get("shareId").asString();
        assertThat(api.post("/api/shares/" + shareId + "/support", Map.of("kind", "HUG")).token(friend).send()
                .status()).isEqualTo(200);

        Answer withdrawn = api.delete("/api/shares/" + shareId).token(author).send();
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(204);
        assertThat(api.delete("/api/shares/" + shareId).token(author).send().status()).as("idempotent").isEqualTo(204);
        assertThat(stored.eventsOfType(shareId, "ShareWithdrawn")).isEqualTo(1);
        CommandServiceTests.assertProblem(api.post("/api/shares/" + shareId + "/support", Map.of("kind",
                "PROUD")).token(friend).send(),
                404, "not-found");
        CommandServiceTests.assertNotFound(api.delete("/api/shares/" + shareId).token(friend).send(), "share");
        CommandServiceTests.assertNotFound(api.delete("/api/shares/" + UUID.randomUUID()).token(author).send(),
                "share");
        CommandServiceTests.assertNotFound(api.delete("/api/shares/not-a-uuid").token(author).send(), "share");

        Answer again = api.post("/api/attempts/" + attempt + "/shares", Map.of("anonymous", true, "audience",
                "PUBLIC", "story", "second try")).token(author).send();
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        String anew = again.body().get("shareId").asString();
        assertThat(anew).as("a new share, linked to nothing shown before").isNotEqualTo(shareId);
        assertThat(again.body().get("consistencyToken").asString()).isEqualTo(anew + ".0");
        assertThat(again.header("Location")).isEqualTo("/api/shares/" + anew);
        assertThat(stored.eventsOfType(shareId, "RejectionShared")).isEqualTo(1);
        assertThat(stored.eventsOfType(anew, "RejectionShared")).isEqualTo(1);
        assertThat(api.post("/api/shares/" + anew + "/support", Map.of("kind", "HUG")).token(friend).send()
                .body().get("consistencyToken").asString()).as("the earlier hug is not here").isEqualTo(anew + ".0");
        CommandServiceTests.assertProblem(api.post("/api/attempts/" + attempt + "/shares",
                publicShare()).token(author).send(), 409,
                "already-shared");
        CommandServiceTests.assertProblem(api.post("/api/shares/" + shareId + "/support", Map.of("kind",
                "PROUD")).token(friend).send(),
                404, "not-found");
    }

    @Test
    void threeDistinctReportersHideAShareWhichItsAuthorMayStillWithdraw() {
        String author = signUp("reported-" + CommandServiceTests.suffix());
        String shareId = sharePublicly(author);
        String reports = "/api/shares/" + shareId + "/reports";
        List<String> reporters = List.of(signUpDaysAgo("r1-" + CommandServiceTests.suffix(), 2),
                signUpDaysAgo("r2-" + CommandServiceTests.suffix(),
                        2), signUpDaysAgo("r3-" + CommandServiceTests.suffix(), 2));
        // made an hour ago: recorded, but it cannot help hide anything
        String fresh = signUp("r0-" + CommandServiceTests.suffix());
        assertThat(api.post(reports, Map.of("reason", "spam")).token(fresh).send().status()).isEqualTo(202);
        assertThat(stored.payload(shareId, "ShareReported").get("counted").asBoolean()).isFalse();

        Answer first = api.post(reports, Map.of("reason", " spam ")).token(reporters.get(0)).send();
        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(first.body().get("shareId").asString()).isEqualTo(shareId);
        assertThat(stored.eventsOfType(shareId, "ShareReported")).isEqualTo(2);
        assertThat(api.post(reports, Map.of("reason", "still spam")).token(reporters.get(0)).send().status())
                .isEqualTo(202);
        assertThat(stored.eventsOfType(shareId, "ShareReported")).as("a repeat is no report").isEqualTo(2);

        long before = stored.eventCount();
        CommandServiceTests.assertProblem(api.post(reports, Map.of("reason", "mine")).token(author).send(), 422,
                "own-share");
        CommandServiceTests.assertProblem(api.post(reports, Map.of("reason", " ")).token(reporters.get(1)).send(),
                400, "validation");
        CommandServiceTests.assertProblem(api.post(reports, Map.of()).token(reporters.get(1)).send(), 400,
                "validation");
        CommandServiceTests.assertProblem(api.post(reports, Map.of("reason",
                "x".repeat(501))).token(reporters.get(1)).send(), 400,
                "validation");
        assertThat(stored.eventCount()).isEqualTo(before);

        assertThat(api.post(reports, Map.of("reason", "rude")).token(reporters.get(1)).send().status()).isEqualTo(202);
        assertThat(stored.eventsOfType(shareId, "ShareHidden")).isZero();
        assertThat(api.post(reports, Map.of("reason", "rude")).token(reporters.get(2)).send().status()).isEqualTo(202);
        assertThat(stored.eventsOfType(shareId, "ShareHidden")).isEqualTo(1);
        assertThat(stored.payload(shareId, "ShareHidden").get("reports").asInt()).isEqualTo(3);

        String late = signUp("r4-" + CommandServiceTests.suffix());
        CommandServiceTests.assertProblem(api.post(reports, Map.of("reason", "late")).token(late).send(), 404,
                "not-found");
        CommandServiceTests.assertNotFound(api.post("/api/shares/" + shareId + "/support", Map.of("kind",
                "HUG")).token(late).send(), "share");
        assertThat(stored.eventsOfType(shareId, "ShareHidden")).isEqualTo(1);
        assertThat(api.delete("/api/shares/" + shareId).token(author).send().status()).isEqualTo(204);
        assertThat(stored.eventsOfType(shareId, "ShareWithdrawn")).isEqualTo(1);
    }

    @Test
    void anOperatorReviewsAHiddenShareAndNobodyElseMay() {
        String author = signUp("reviewed-" + CommandServiceTests.suffix());
        String shareId = sharePublicly(author);
        String reports = "/api/shares/" + shareId + "/reports";
        for (int i = 0; i < 3; i++) {
            String reporter = signUpDaysAgo("rr" + i + "-" + CommandServiceTests.suffix(), 30);
            assertThat(api.post(reports, Map.of("reason", "spam")).token(reporter).send().status()).isEqualTo(202);
        }
        assertThat(stored.eventsOfType(shareId, "ShareHidden")).isEqualTo(1);
        String review = "/api/operator/shares/" + shareId + "/review";

        CommandServiceTests.assertProblem(api.post(review, Map.of("decision", "RESTORE")).token(author).send(), 403,
                "forbidden");
        String operator = operatorToken();
        CommandServiceTests.assertProblem(api.post(review, Map.of("decision", "LATER")).token(operator).send(), 400,
                "validation");
        Answer restored = api.post(review, Map.of("decision", "RESTORE", "note", "a plain story")).token(operator)
                .send();
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(stored.payload(shareId, "ShareRestored").get("note").asString()).isEqualTo("a plain story");
        CommandServiceTests.assertProblem(api.post(review, Map.of("decision", "REMOVE")).token(operator).send(), 409,
                "not-pending-review");
        // visible again: others may answer it
        String friend = signUp("friend-" + CommandServiceTests.suffix());
        assertThat(api.post("/api/shares/" + shareId + "/support", Map.of("kind", "HUG")).token(friend).send()
                .status()).isEqualTo(200);
    }

    private String operatorToken() {
        return CommandServiceTests.operatorToken(jdbc, tokens, OPERATOR);
    }

    /** Signs up a seeker whose account is {@code days} old, as if made then. */
    private String signUpDaysAgo(String handle, int days) {
        String token = signUp(handle);
        jdbc.sql("UPDATE seeker_account SET created_at = now() - make_interval(days => :days) WHERE handle = :handle")
                .param("days", days).param("handle", handle).update();
        return token;
    }

    @Test
    void aChallengeShareExistsOnlyForTheChallengesMembers() {
        String author = signUp("member-" + CommandServiceTests.suffix());
        String mate = signUp("mate-" + CommandServiceTests.suffix());
        String outsider = signUp("outsider-" + CommandServiceTests.suffix());
        Answer created = challenge(author, "INVITE");
        String challengeId = created.body().get("challengeId").asString();
        assertThat(api.post("/api/challenges/" + challengeId + "/members", Map.of("inviteCode",
                created.body().get("inviteCode").asString())).token(mate).send().status()).isEqualTo(201);
        String attempt = logAttempt(author);
        assertThat(api.post("/api/attempts/" + attempt + "/ghosting", Map.of()).token(author).send().status())
                .isEqualTo(200);

        Answer shared = api.post("/api/attempts/" + attempt + "/shares", Map.of("anonymous", false, "audience",
                "CHALLENGE", "challengeId", challengeId)).token(author).send();

        assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
        String shareId = shared.body().get("shareId").asString();
        JsonNode event = stored.payload(shareId, "RejectionShared");
        assertThat(event.get("outcome").asString()).isEqualTo("GHOSTED");
        assertThat(event.get("challengeId").asString()).isEqualTo(challengeId);
        assertThat(event.get("audience").asString()).isEqualTo("CHALLENGE");

        long before = stored.eventCount();
        CommandServiceTests.assertProblem(api.post("/api/shares/" + shareId + "/support", Map.of("kind",
                "HUG")).token(outsider).send(),
                404, "not-found");
        CommandServiceTests.assertProblem(api.post("/api/shares/" + shareId + "/reports", Map.of("reason",
                "x")).token(outsider).send(),
                404, "not-found");
        CommandServiceTests.assertNotFound(api.delete("/api/shares/" + shareId).token(outsider).send(), "share");
        CommandServiceTests.assertNotFound(api.delete("/api/shares/" + shareId + "/support/HUG").token(outsider).send(), "share");
        CommandServiceTests.assertProblem(api.delete("/api/shares/" + shareId).token(mate).send(), 403, "not-author");
        assertThat(stored.eventCount()).isEqualTo(before);

        assertThat(api.post("/api/shares/" + shareId + "/support", Map.of("kind", "YOU_GOT_THIS")).token(mate).send()
                .status()).isEqualTo(200);
        assertThat(api.delete("/api/challenges/" + challengeId + "/members/me").token(mate).send().status())
                .isEqualTo(200);
        CommandServiceTests.assertNotFound(api.post("/api/shares/" + shareId + "/support", Map.of("kind",
                "HUG")).token(mate).send(), "share");
        assertThat(api.delete("/api/shares/" + shareId + "/support/YOU_GOT_THIS").token(mate).send().status())
                .as("one's own support can always be taken back").isEqualTo(204);
        assertThat(stored.eventsOfType(shareId, "SupportWithdrawn")).isEqualTo(1);
    }

    @Test
    void anAcceptanceIsSharedAndARetryWithTheSameKeyIsReplayed() {
        String author = signUp("yes-" + CommandServiceTests.suffix());
        String attempt = logAttempt(author);
        assertThat(api.post("/api/attempts/" + attempt + "/acceptance", Map.of()).token(author).send().status())
                .isEqualTo(200);

        Answer first = api.post("/api/attempts/" + attempt + "/shares", publicShare()).token(author)
                .header("Idempotency-Key", "s-1").send();
        Answer retry = api.post("/api/attempts/" + attempt + "/shares", publicShare()).token(author)
                .header("Idempotency-Key", "s-1").send();

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        String shareId = first.body().get("shareId").asString();
        assertThat(stored.eventsOfType(shareId, "RejectionShared")).isEqualTo(1);
        JsonNode event = stored.payload(shareId, "RejectionShared");
        assertThat(event.get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(event.get("sting").isNull()).isTrue();
    }

    // --- helpers

    private String sharePublicly(String token) {
        String attempt = logAttempt(token);
        reject(token, attempt, Map.of());
        Answer shared = api.post("/api/attempts/" + attempt + "/shares", publicShare()).token(token).send();
        assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
        return shared.body().get("shareId").asString();
    }

    private static Map<String, Object> publicShare() {
        return Map.of("anonymous", false, "audience", "PUBLIC");
    }

    private void reject(String token, String attempt, Map<String, Object> body) {
        Answer answer = api.post("/api/attempts/" + attempt + "/rejection", body).token(token).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    private Answer challenge(String token, String visibility) {
        Answer answer = api.post("/api/challenges", Map.of("name", "Month of NO", "startsOn", today().toString(),
                "endsOn", today().plusDays(20).toString(),
                "goal", Map.of("metric", "REJECTIONS", "target", 3, "per", "WEEK"), "visibility", visibility))
                .token(token).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer;
    }

    private String signUp(String handle) {
        Answer answer = api.post("/api/accounts", Map.of("handle", handle, "password", "long enough password",
                "displayName", handle, "timeZone", ZONE.getId())).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        Answer session = api.post("/api/sessions", Map.of("handle", handle, "password", "long enough password"))
                .send();
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        return session.body().get("accessToken").asString();
    }

    private String logAttempt(String token) {
        Answer answer = api.post("/api/attempts", Map.of("category", "JOB", "target", "Acme", "title", "Engineer",
                "notes", "secret notes", "sentOn", today().minusDays(3).toString())).token(token).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.body().get("attemptId").asString();
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
