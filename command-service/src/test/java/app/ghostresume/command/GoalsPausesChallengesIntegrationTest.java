package app.ghostresume.command;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.ghostresume.command.platform.security.TokenIssuer;
import app.ghostresume.personal.SeekerKeys;
import app.ghostresume.stack.TestInfrastructure;
import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.HttpApi.Answer;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Goals, pauses, settings, follow-ups, deadlines and group challenges over HTTP against real PostgreSQL and a real
 * Kafka broker, on a clock the test controls: what is accepted, what is refused, and what is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GoalsPausesChallengesIntegrationTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Lisbon");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        CommandServiceTests.connect(registry, "command_plans",
                () -> TestInfrastructure.get().newTopicName("command-plans"));
        registry.add("ghost.deadlines.polling-interval", () -> "PT0.5S");
    }

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    SeekerKeys keys;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    DeadlineManager deadlineManager;

    @Autowired
    Scheduler scheduler;

    private HttpApi api;
    private StoredEvents stored;

    @BeforeEach
    void setUp() {
        api = new HttpApi("http://localhost:" + port);
        stored = new StoredEvents(jdbc, keys);
        clock.reset();
    }

    // --- deadlines and settings

    @Test
    void deadlinesAreRowsInPostgreSQLWrittenWithTheCommandsEvents() {
        assertThat(deadlineManager).isInstanceOf(DbSchedulerDeadlineManager.class);
        assertThat(scheduler.getSchedulerState().isStarted()).isTrue();
        String token = signUp("deadline-" + CommandServiceTests.suffix());
        LocalDate sent = today().minusDays(2);

        Map<String, Object> body = Map.of("category", "GRANT", "target", "Arts Council", "title", "Project grant",
                "sentOn", sent.toString());
        assertThat(api.post("/api/attempts", body).token(token).header("Idempotency-Key", "d-1").send().status())
                .isEqualTo(201);

        Instant followUp = sent.plusDays(21).atStartOfDay(ZONE).toInstant();
        Instant ghosting = sent.plusDays(61).atStartOfDay(ZONE).toInstant();
        assertThat(deadlinesAt(followUp)).isEqualTo(1);
        assertThat(deadlinesAt(ghosting)).as("scheduled when the follow-up fires: one row per attempt").isZero();
        jdbc.sql("DELETE FROM idempotent_request WHERE idempotency_key = 'd-1'").update();
        CommandServiceTests.assertProblem(api.post("/api/attempts", body).token(token).header("Idempotency-Key",
                "d-1").send(), 409,
                "concurrent-change");
        assertThat(deadlinesAt(followUp)).as("a refused command schedules nothing").isEqualTo(1);
    }

    @Test
    void settingsOverrideTheDefaultsAndApplyToAttemptsLoggedAfterwards() {
        String token = signUp("settings-" + CommandServiceTests.suffix());
        UUID seekerId = StoredEvents.seekerIdOf(token);

        Answer put = api.put("/api/me/settings", Map.of("ghostingDays", Map.of("JOB", 10),
                "followUpDays", Map.of("JOB", 2, "DATING", 1))).token(token).send();

        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.body().get("ghostingDays").size()).isEqualTo(13);
        assertThat(put.body().get("ghostingDays").get("JOB").asInt()).isEqualTo(10);
        assertThat(put.body().get("ghostingDays").get("GRANT").asInt()).isEqualTo(60);
        assertThat(put.body().get("followUpDays").get("DATING").asInt()).isEqualTo(1);
        assertThat(put.body().get("followUpDays").get("SOCIAL").asInt()).isEqualTo(3);
        assertThat(put.body().get("consistencyToken").asString()).isEqualTo(seekerId + ".1");
        JsonNode event = stored.payload(seekerId.toString(), "SeekerSettingsChanged");
        assertThat(event.get("ghostingDays").size()).isEqualTo(13);
        assertThat(event.get("followUpDays").get("JOB").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM seeker_response_window WHERE seeker_id = :s").param("s", seekerId)
                .query(Long.class).single()).isEqualTo(13);

        String attempt = logAttempt(token, "JOB", null);
        JsonNode deadlines = stored.payload(attempt, "ResponseDeadlinesSet");
        assertThat(StoredEvents.date(deadlines.get("followUpOn"))).isEqualTo(today().plusDays(2).toString());
        assertThat(StoredEvents.date(deadlines.get("ghostedAfter"))).isEqualTo(today().plusDays(10).toString());

        Answer again = api.put("/api/me/settings", Map.of("ghostingDays", Map.of("JOB", 10),
                "followUpDays", Map.of("JOB", 2, "DATING", 1))).token(token).send();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("consistencyToken").asString()).as("nothing changed").isEqualTo(seekerId + ".1");
        Answer back = api.put("/api/me/settings", Map.of()).token(token).send();
        assertThat(back.body().get("ghostingDays").get("JOB").asInt()).isEqualTo(30);
        assertThat(back.body().get("consistencyToken").asString()).isEqualTo(seekerId + ".2");
    }

    @Test
    void badSettingsAreProblemsAndWriteNothing() {
        String token = signUp("badset-" + CommandServiceTests.suffix());
        UUID seekerId = StoredEvents.seekerIdOf(token);
        long before = stored.eventCount();

        CommandServiceTests.assertProblem(api.put("/api/me/settings", Map.of("ghostingDays", Map.of("DATING",
                3))).token(token).send(),
                422, "rule-violation");
        CommandServiceTests.assertProblem(api.put("/api/me/settings", Map.of("followUpDays", Map.of("JOB",
                30))).token(token).send(),
                422, "rule-violation");
        Map<String, String> badBodies = Map.of("{\"ghostingDays\":{\"JOB\":0}}", "validation",
                "{\"ghostingDays\":{\"JOB\":366}}", "validation", "{\"ghostingDays\":{\"JOBZ\":10}}", "validation",
                "{\"followUpDays\":{\"JOB\":\"soon\"}}", "validation", "{\"followUpDays\":{\"JOB\":null}}",
                "validation", "{\"ghostingDays\":[1,2]}", "validation", "{not json", "malformed-request");
        badBodies.forEach((body, type) -> CommandServiceTests.assertProblem(api.put("/api/me/settings",
                body).token(token).send(), 400,
                type));
        assertThat(stored.eventCount()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM seeker_response_window WHERE seeker_id = :s").param("s", seekerId)
                .query(Long.class).single()).isZero();
    }

    // --- pauses

    @Test
    void pausesAreScheduledCancelledAndNeverOverlap() {
        String token = signUp("pause-" + CommandServiceTests.suffix());
        UUID seekerId = StoredEvents.seekerIdOf(token);
        LocalDate today = today();

        Answer paused = api.post("/api/me/pauses", Map.of("from", today.toString(), "to",
                today.plusDays(6).toString(), "reason", " flu ")).token(token).send();

        assertThat(paused.status()).as(paused.toString()).isEqualTo(201);
        String pauseId = paused.body().get("pauseId").asString();
        assertThat(paused.header("Location")).isEqualTo("/api/me/pauses/" + pauseId);
        assertThat(paused.body().get("consistencyToken").asString()).isEqualTo(seekerId + ".1");
        JsonNode event = stored.payload(seekerId.toString(), "PauseScheduled");
        assertThat(StoredEvents.date(event.get("startsOn"))).isEqualTo(today.toString());
        assertThat(event.get("reason").asString()).as("sealed as stored, opened here").isEqualTo("flu");

        CommandServiceTests.assertProblem(api.post("/api/me/pauses", Map.of("from", today.plusDays(6).toString(), "to",
                today.plusDays(9).toString())).token(token).send(), 409, "pause-overlap");
        Answer retroactive = api.post("/api/me/pauses", Map.of("from", today.minusDays(8).toString(), "to",
                today.minusDays(1).toString())).token(token).send();
        CommandServiceTests.assertProblem(retroactive, 422, "rule-violation");
        assertThat(retroactive.body().get("detail").asString()).contains("7 days before today", "retroactively");
        CommandServiceTests.assertProblem(api.post("/api/me/pauses", Map.of("from", today.plusDays(20).toString(), "to",
                today.plusDays(19).toString())).token(token).send(), 422, "rule-violation");
        CommandServiceTests.assertProblem(api.post("/api/me/pauses", Map.of("from", today.plusDays(20).toString(), "to",
                today.plusDays(20 + 366).toString())).token(token).send(), 422, "rule-violation");
        CommandServiceTests.assertProblem(api.post("/api/me/pauses", Map.of("from", today.plusDays(20).toString(), "to",
                today.plusDays(21).toString(), "reason", "x".repeat(201))).token(token).send(), 400, "validation");
        CommandServiceTests.assertProblem(api.post("/api/me/pauses", Map.of("from",
                today.toString())).token(token).send(), 400,
                "validation");
        CommandServiceTests.assertProblem(api.post("/api/me/pauses", Map.of("from", today.plusDays(20).toString(), "to",
                today.plusDays(21).toString(), "reason", "a\u0000b")).token(token).send(), 400, "validation");

        String stranger = signUp("pause-stranger-" + CommandServiceTests.suffix());
        CommandServiceTests.assertNotFound(api.delete("/api/me/pauses/" + pauseId).token(stranger).send(), "pause");
        Answer cancelled = api.delete("/api/me/pauses/" + pauseId).token(token).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.body().get("consistencyToken").asString()).isEqualTo(seekerId + ".2");
        CommandServiceTests.assertNotFound(api.delete("/api/me/pauses/" + pauseId).token(token).send(), "pause");
        CommandServiceTests.assertNotFound(api.delete("/api/me/pauses/" + UUID.randomUUID()).token(token).send(),
                "pause");
        CommandServiceTests.assertNotFound(api.delete("/api/me/pauses/not-a-uuid").token(token).send(), "pause");

        Map<String, Object> body = Map.of("from", today.toString(), "to", today.plusDays(2).toString());
        Answer first = api.post("/api/me/pauses", body).token(token).header("Idempotency-Key", "p-1").send();
        Answer retry = api.post("/api/me/pauses", body).token(token).header("Idempotency-Key", "p-1").send();
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(stored.eventsOfType(seekerId.toString(), "PauseScheduled")).isEqualTo(2);
    }

    // --- goals

    @Test
    void goalsAreSetChangedFromTheNextPeriodAndRetiredOnce() {
        String token = signUp("goal-" + CommandServiceTests.suffix());
        LocalDate today = today();

        Answer set = api.post("/api/goals", Map.of("metric", "REJECTIONS", "category", "PITCH", "target", 3,
                "period", "WEEK", "startsOn", today.minusWeeks(2).toString())).token(token).send();

        assertThat(set.status()).as(set.toString()).isEqualTo(201);
        String goalId = set.body().get("goalId").asString();
        assertThat(set.header("Location")).isEqualTo("/api/goals/" + goalId);
        assertThat(set.body().get("consistencyToken").asString()).isEqualTo(goalId + ".0");
        assertThat(stored.payload(goalId, "GoalSet").get("category").asString()).isEqualTo("PITCH");

        Answer changed = api.patch("/api/goals/" + goalId, Map.of("target", 5)).token(token).send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().get("consistencyToken").asString()).isEqualTo(goalId + ".1");
        assertThat(StoredEvents.date(stored.payload(goalId, "GoalTargetChanged").get("effectiveFrom")))
                .isEqualTo(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).toString());
        Answer same = api.patch("/api/goals/" + goalId, Map.of("target", 5)).token(token).send();
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.body().get("consistencyToken").asString()).isEqualTo(goalId + ".1");

        String stranger = signUp("goal-stranger-" + CommandServiceTests.suffix());
        CommandServiceTests.assertNotFound(api.patch("/api/goals/" + goalId, Map.of("target",
                7)).token(stranger).send(), "goal");
        CommandServiceTests.assertNotFound(api.delete("/api/goals/" + goalId).token(stranger).send(), "goal");
        CommandServiceTests.assertNotFound(api.patch("/api/goals/" + UUID.randomUUID(), Map.of("target",
                7)).token(token).send(), "goal");
        CommandServiceTests.assertNotFound(api.delete("/api/goals/not-a-uuid").token(token).send(), "goal");
        CommandServiceTests.assertNotFound(api.delete("/api/goals/" + logAttempt(token, "JOB",
                null)).token(token).send(), "goal");

        Answer retired = api.delete("/api/goals/" + goalId).token(token).send();
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        assertThat(retired.body().get("consistencyToken").asString()).isEqualTo(goalId + ".2");
        assertThat(StoredEvents.date(stored.payload(goalId,
                "GoalRetired").get("retiredOn"))).isEqualTo(today.toString());
        CommandServiceTests.assertProblem(api.delete("/api/goals/" + goalId).token(token).send(), 409,
                "goal-state-conflict");
        CommandServiceTests.assertProblem(api.patch("/api/goals/" + goalId, Map.of("target", 7)).token(token).send(),
                409,
                "goal-state-conflict");
    }

    @Test
    void aSeekerHasAtMostTwentyGoalsNotRetiredOverOrNot() {
        String token = signUp("goals-" + CommandServiceTests.suffix());
        LocalDate today = today();
        List<String> goals = new ArrayList<>();
        // one that is over already counts too: every read still evaluates it
        Answer over = api.post("/api/goals", Map.of("metric", "ATTEMPTS", "target", 1, "period", "CUSTOM", "startsOn",
                today.minusDays(20).toString(), "endsOn", today.minusDays(10).toString())).token(token).send();
        assertThat(over.status()).as(over.toString()).isEqualTo(201);
        goals.add(over.body().get("goalId").asString());
        for (int i = 0; i < 19; i++) {
            Answer set = api.post("/api/goals", Map.of("metric", "REJECTIONS", "target", 1 + i, "period", "WEEK",
                    "startsOn", today.toString())).token(token).send();
            assertThat(set.status()).as(set.toString()).isEqualTo(201);
            goals.add(set.body().get("goalId").asString());
        }
        long before = stored.eventCount();
        CommandServiceTests.assertProblem(api.post("/api/goals", Map.of("metric", "REJECTIONS", "target", 3, "period",
                "WEEK", "startsOn", today.toString())).token(token).send(), 409, "too-many-goals");
        assertThat(stored.eventCount()).isEqualTo(before);

        assertThat(api.delete("/api/goals/" + goals.get(0)).token(token).send().status()).isEqualTo(200);
        assertThat(api.post("/api/goals", Map.of("metric", "REJECTIONS", "target", 3, "period", "WEEK", "startsOn",
                today.toString())).token(token).send().status()).isEqualTo(201);
    }

    @Test
    void badGoalsAreProblemsAndWriteNothing() {
        String token = signUp("badgoal-" + CommandServiceTests.suffix());
        String today = today().toString();
        long before = stored.eventCount();

        CommandServiceTests.assertProblem(goal(token, Map.of("metric", "REJECTIONS", "target", 5, "period", "CUSTOM",
                "startsOn", today)),
                422, "rule-violation");
        CommandServiceTests.assertProblem(goal(token, Map.of("metric", "REJECTIONS", "target", 5, "period", "CUSTOM",
                "startsOn", today,
                "endsOn", today().plusDays(366).toString())), 422, "rule-violation");
        CommandServiceTests.assertProblem(goal(token, Map.of("metric", "REJECTIONS", "target", 5, "period", "WEEK",
                "startsOn", today,
                "endsOn", today().minusDays(1).toString())), 422, "rule-violation");
        CommandServiceTests.assertProblem(goal(token, Map.of("metric", "REJECTIONS", "target", 5, "period", "WEEK",
                "startsOn",
                "1899-12-31")), 422, "rule-violation");
        CommandServiceTests.assertProblem(goal(token, Map.of("metric", "REJECTIONS", "target", 0, "period", "WEEK",
                "startsOn", today)),
                400, "validation");
        CommandServiceTests.assertProblem(goal(token, Map.of("metric", "REJECTIONS", "target", 1001, "period", "WEEK",
                "startsOn",
                today)), 400, "validation");
        CommandServiceTests.assertProblem(goal(token, Map.of("metric", "REJECTIONS", "target", 5, "period", "DAILY",
                "startsOn",
                today)), 400, "validation");
        CommandServiceTests.assertProblem(goal(token, Map.of("metric", "SIGHS", "target", 5, "period", "WEEK",
                "startsOn", today)), 400,
                "validation");
        CommandServiceTests.assertProblem(goal(token, Map.of("metric", "REJECTIONS", "target", 5, "period", "WEEK")),
                400, "validation");
        CommandServiceTests.assertProblem(goal(token, Map.of("metric", "REJECTIONS", "target", 5, "period", "WEEK",
                "startsOn",
                "2026-02-30")), 400, "validation");
        assertThat(stored.eventCount()).isEqualTo(before);

        Map<String, Object> body = Map.of("metric", "ATTEMPTS", "target", 10, "period", "MONTH", "startsOn", today);
        Answer first = api.post("/api/goals", body).token(token).header("Idempotency-Key", "g-1").send();
        Answer retry = api.post("/api/goals", body).token(token).header("Idempotency-Key", "g-1").send();
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(stored.eventCount()).isEqualTo(before + 1);
        String goalId = first.body().get("goalId").asString();
        CommandServiceTests.assertProblem(api.patch("/api/goals/" + goalId, Map.of("target", 0)).token(token).send(),
                400,
                "validation");
        CommandServiceTests.assertProblem(api.patch("/api/goals/" + goalId, Map.of()).token(token).send(), 400,
                "validation");
    }

    // --- follow-ups

    @Test
    void aWaitingAttemptIsFollowedUpBetweenSendingAndToday() {
        String token = signUp("follow-" + CommandServiceTests.suffix());
        LocalDate sent = today().minusDays(3);
        String attempt = logAttempt(token, "JOB", sent);

        Answer followedUp = api.post("/api/attempts/" + attempt + "/follow-up", Map.of()).token(token).send();

        assertThat(followedUp.status()).as(followedUp.toString()).isEqualTo(200);
        assertThat(followedUp.body().get("consistencyToken").asString()).isEqualTo(attempt + ".2");
        assertThat(StoredEvents.date(stored.payload(attempt,
                "FollowedUp").get("followedUpOn"))).isEqualTo(today().toString());
        CommandServiceTests.assertProblem(api.post("/api/attempts/" + attempt + "/follow-up", Map.of("on",
                today().plusDays(1)
                .toString())).token(token).send(), 422, "rule-violation");
        CommandServiceTests.assertProblem(api.post("/api/attempts/" + attempt + "/follow-up", Map.of("on",
                sent.minusDays(1)
                .toString())).token(token).send(), 422, "rule-violation");
        assertThat(api.post("/api/attempts/" + attempt + "/follow-up", Map.of("on", sent.toString())).token(token)
                .send().status()).isEqualTo(200);
        String stranger = signUp("follow-stranger-" + CommandServiceTests.suffix());
        CommandServiceTests.assertNotFound(api.post("/api/attempts/" + attempt + "/follow-up",
                Map.of()).token(stranger).send(), "attempt");
        assertThat(api.post("/api/attempts/" + attempt + "/withdrawal", Map.of()).token(token).send().status())
                .isEqualTo(200);
        CommandServiceTests.assertProblem(api.post("/api/attempts/" + attempt + "/follow-up",
                Map.of()).token(token).send(), 409,
                "attempt-state-conflict");
    }

    /** Sunday 2026-11-08 23:30 in Auckland (UTC+13) is 10:30 UTC: the attempt was sent on Sunday. */
    @Test
    void aSeekerInAucklandLateOnSundayEveningSendsOnSunday() {
        String token = signUp("kiwi-" + CommandServiceTests.suffix(), "Pacific/Auckland");
        clock.set(Instant.parse("2026-11-08T10:30:00Z"));

        Answer logged = api.post("/api/attempts", Map.of("category", "JOB", "target", "Acme", "title", "Engineer"))
                .token(token).send();

        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        String attempt = logged.body().get("attemptId").asString();
        assertThat(StoredEvents.date(stored.payload(attempt, "AttemptLogged").get("sentOn"))).isEqualTo("2026-11-08");
        JsonNode deadlines = stored.payload(attempt, "ResponseDeadlinesSet");
        assertThat(StoredEvents.date(deadlines.get("followUpOn"))).isEqualTo("2026-11-15");
        assertThat(StoredEvents.date(deadlines.get("ghostedAfter"))).isEqualTo("2026-12-08");
        assertThat(deadlinesAt(Instant.parse("2026-11-14T11:00:00Z"))).as("11-15 00:00 in Auckland").isEqualTo(1);
        assertThat(deadlinesAt(Instant.parse("2026-12-08T11:00:00Z"))).as("12-09 00:00 in Auckland, scheduled "
                + "when the follow-up fires").isZero();
    }

    // --- challenges

    @Test
    void aPublicChallengeIsJoinedLeftAndJoinedAgainUntilItEnds() {
        String creator = signUp("creator-" + CommandServiceTests.suffix());
        String member = signUp("member-" + CommandServiceTests.suffix());
        LocalDate today = today();

        Answer created = challenge(creator, "PUBLIC", today.minusDays(3), today.plusDays(10));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String challengeId = created.body().get("challengeId").asString();
        assertThat(created.body().has("inviteCode")).isFalse();
        assertThat(created.header("Location")).isEqualTo("/api/challenges/" + challengeId);
        assertThat(created.body().get("consistencyToken").asString()).isEqualTo(challengeId + ".1");
        assertThat(stored.eventsOfType(challengeId, "ChallengeJoined")).isEqualTo(1);

        Answer joined = api.post("/api/challenges/" + challengeId + "/members", null).token(member).send();
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        assertThat(joined.header("Location")).isEqualTo("/api/challenges/" + challengeId + "/members/me");
        // the member's own first event on the challenge, whoever else joined
        assertThat(joined.body().get("consistencyToken").asString()).isEqualTo(challengeId + ".0");
        CommandServiceTests.assertProblem(api.post("/api/challenges/" + challengeId + "/members",
                Map.of()).token(member).send(), 409,
                "already-member");
        Answer left = api.delete("/api/challenges/" + challengeId + "/members/me").token(member).send();
        assertThat(left.status()).as(left.toString()).isEqualTo(200);
        assertThat(left.body().get("consistencyToken").asString()).isEqualTo(challengeId + ".1");
        CommandServiceTests.assertNotFound(api.delete("/api/challenges/" + challengeId + "/members/me").token(member).send(), "challenge");
        assertThat(api.post("/api/challenges/" + challengeId + "/members", Map.of()).token(member).send().status())
                .isEqualTo(201);

        clock.set(today.plusDays(11).atTime(12, 0).atZone(ZONE).toInstant());
        String late = signUp("late-" + CommandServiceTests.suffix());
        CommandServiceTests.assertProblem(api.post("/api/challenges/" + challengeId + "/members",
                Map.of()).token(late).send(), 409,
                "challenge-closed");
        CommandServiceTests.assertNotFound(api.post("/api/challenges/" + UUID.randomUUID() + "/members",
                Map.of()).token(late).send(), "challenge");
        CommandServiceTests.assertNotFound(api.post("/api/challenges/nope/members", Map.of()).token(late).send(),
                "challenge");
    }

    @Test
    void anInviteChallengeIsUnknownToAnyoneWithoutItsCode() {
        String creator = signUp("host-" + CommandServiceTests.suffix());
        String friend = signUp("friend-" + CommandServiceTests.suffix());
        Answer created = challenge(creator, "INVITE", today(), today().plusDays(30));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String challengeId = created.body().get("challengeId").asString();
        String code = created.body().get("inviteCode").asString();
        assertThat(code).matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}");

        Answer wrong = api.post("/api/challenges/" + challengeId + "/members", Map.of("inviteCode", "WRONG"))
                .token(friend).send();
        Answer missing = api.post("/api/challenges/" + challengeId + "/members", Map.of()).token(friend).send();
        Answer unknown = api.post("/api/challenges/" + UUID.randomUUID() + "/members", Map.of("inviteCode", code))
                .token(friend).send();
        for (Answer answer : List.of(wrong, missing, unknown)) {
            CommandServiceTests.assertProblem(answer, 404, "not-found");
            assertThat(answer.body().get("detail")).isEqualTo(unknown.body().get("detail"));
            assertThat(answer.body().get("title")).isEqualTo(unknown.body().get("title"));
        }
        CommandServiceTests.assertNotFound(api.delete("/api/challenges/" + challengeId + "/members/me").token(friend).send(), "challenge");

        Answer joined = api.post("/api/challenges/" + challengeId + "/members",
                Map.of("inviteCode", " " + code.toLowerCase() + " ")).token(friend).send();
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        assertThat(stored.eventsOfType(challengeId, "ChallengeJoined")).isEqualTo(2);
    }

    @Test
    void badChallengesAreProblemsAndWriteNothing() {
        String token = signUp("badch-" + CommandServiceTests.suffix());
        long before = stored.eventCount();
        Map<String, Object> goal = Map.of("metric", "REJECTIONS", "target", 1, "per", "WEEK");

        CommandServiceTests.assertProblem(challenge(token, "PUBLIC", today().minusDays(10), today().minusDays(1)), 422,
                "rule-violation");
        CommandServiceTests.assertProblem(challenge(token, "PUBLIC", today(), today().plusDays(366)), 422,
                "rule-violation");
        CommandServiceTests.assertProblem(challenge(token, "PUBLIC", today().plusDays(5), today()), 422,
                "rule-violation");
        CommandServiceTests.assertProblem(api.post("/api/challenges", Map.of("name", " ", "startsOn",
                today().toString(), "endsOn",
                today().toString(), "goal", goal, "visibility", "PUBLIC")).token(token).send(), 400, "validation");
        CommandServiceTests.assertProblem(api.post("/api/challenges", Map.of("name", "x".repeat(101), "startsOn",
                today().toString(),
                "endsOn", today().toString(), "goal", goal, "visibility", "PUBLIC")).token(token).send(), 400,
                "validation");
        CommandServiceTests.assertProblem(api.post("/api/challenges", Map.of("name", "n", "startsOn",
                today().toString(), "endsOn",
                today().toString(), "goal", Map.of("metric", "REJECTIONS", "target", 10_001, "per", "WEEK"),
                "visibility", "PUBLIC")).token(token).send(), 400, "validation");
        CommandServiceTests.assertProblem(api.post("/api/challenges", Map.of("name", "n", "startsOn",
                today().toString(), "endsOn",
                today().toString(), "goal", Map.of("metric", "REJECTIONS", "target", 1, "per", "DAY"),
                "visibility", "PUBLIC")).token(token).send(), 400, "validation");
        CommandServiceTests.assertProblem(api.post("/api/challenges", Map.of("name", "n", "startsOn",
                today().toString(), "endsOn",
                today().toString(), "goal", goal)).token(token).send(), 400, "validation");
        CommandServiceTests.assertProblem(api.post("/api/challenges", Map.of("name", "n", "startsOn",
                today().toString(), "endsOn",
                today().toString(), "visibility", "INVITE")).token(token).send(), 400, "validation");
        assertThat(stored.eventCount()).isEqualTo(before);
    }

    /** The creator and 497 members fill it up; then 8 seekers race for the last 2 places. */
    @Test
    void concurrentJoinsNeverOvershootTheMemberLimit() throws Exception {
        String creator = signUp("crowd-" + CommandServiceTests.suffix());
        String challengeId = challenge(creator, "PUBLIC", today(), today().plusDays(30)).body().get("challengeId")
                .asString();
        List<Callable<Integer>> fill = new ArrayList<>();
        for (int i = 0; i < 497; i++) {
            fill.add(() -> join(challengeId));
        }
        assertThat(runConcurrently(fill, 4)).containsOnly(201);

        List<Callable<Integer>> race = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            race.add(() -> join(challengeId));
        }
        List<Integer> statuses = runConcurrently(race, 8);

        assertThat(Collections.frequency(statuses, 201)).as(statuses.toString()).isEqualTo(2);
        assertThat(statuses).containsOnly(201, 409);
        assertThat(stored.eventsOfType(challengeId, "ChallengeJoined")).isEqualTo(500);
        assertThat(jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = :a")
                .param("a", challengeId).query(Long.class).single()).as("loaded from snapshots").isPositive();
    }

    // --- helpers

    /** Joins as a fresh seeker, whose account is written directly: 500 real sign-ups would hash 500 passwords. */
    private int join(String challengeId) {
        UUID seeker = UUID.randomUUID();
        jdbc.sql("INSERT INTO seeker_account (seeker_id, handle, password_hash, time_zone) VALUES (:s, :h, 'x', 'UTC')")
                .param("s", seeker).param("h", "crowd-" + seeker).update();
        String token = tokens.issue(seeker, "crowd").accessToken();
        return api.post("/api/challenges/" + challengeId + "/members", Map.of()).token(token).send().status();
    }

    private Answer challenge(String token, String visibility, LocalDate startsOn, LocalDate endsOn) {
        return api.post("/api/challenges", Map.of("name", "November of NO", "description", "many no's",
                "startsOn", startsOn.toString(), "endsOn", endsOn.toString(),
                "goal", Map.of("metric", "REJECTIONS", "category", "PITCH", "target", 3, "per", "WEEK"),
                "visibility", visibility)).token(token).send();
    }

    private Answer goal(String token, Map<String, Object> body) {
        return api.post("/api/goals", body).token(token).send();
    }

    private String signUp(String handle) {
        return signUp(handle, ZONE.getId());
    }

    private String signUp(String handle, String timeZone) {
        Answer answer = api.post("/api/accounts", Map.of("handle", handle, "password", "long enough password",
                "displayName", handle, "timeZone", timeZone)).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        Answer session = api.post("/api/sessions", Map.of("handle", handle, "password", "long enough password"))
                .send();
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        return session.body().get("accessToken").asString();
    }

    private String logAttempt(String token, String category, LocalDate sentOn) {
        Map<String, Object> body = sentOn == null ? Map.of("category", category, "target", "Acme", "title", "Eng")
                : Map.of("category", category, "target", "Acme", "title", "Eng", "sentOn", sentOn.toString());
        Answer answer = api.post("/api/attempts", body).token(token).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.body().get("attemptId").asString();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    private long deadlinesAt(Instant instant) {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE execution_time = :t")
                .param("t", OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)).query(Long.class).single();
    }

    private static <T> List<T> runConcurrently(List<Callable<T>> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
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
