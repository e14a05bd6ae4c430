package app.ghostresume.system;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.system.RunningSystem.Seeker;
import app.ghostresume.stack.testing.HttpApi.Answer;
import app.ghostresume.stack.testing.PrometheusScrape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A seeker's October, end to end: HTTP command → aggregate → event store → Kafka → projection → HTTP query.
 * Every expected value below is worked out by hand from the story.
 *
 * <pre>
 * A1 JOB    Acme          sent 10-05  rejected 10-12 (7 days, "phone screen", sting 3)
 * A2 JOB    Globex        sent 10-06  advanced 10-10 "interview round 3", rejected 10-20 (14 days)
 * A3 PITCH  The Atlantic  sent 10-07  accepted 10-17 (10 days)
 * A4 PITCH  Wired         sent 10-13  ghosted 11-02
 * A5 GRANT  Arts Council  sent 10-14  withdrawn 10-15
 * A6 PITCH  Harper's      sent 10-16  waiting (title corrected)
 * A7 DATING Sam           sent 10-19  ghosted 10-25, then a late rejection 10-28 (9 days)
 * </pre>
 */
class WalkthroughTest {

    private static final RunningSystem system = RunningSystem.get();
    private static Seeker seeker;
    private static final Map<String, String> ids = new LinkedHashMap<>();
    private static String lastToken;
    /** Every answer of the story and its reads, to hold against the services' OpenAPI documents. */
    private static final List<Exchange> exchanges = java.util.Collections.synchronizedList(new ArrayList<>());

    private record Exchange(boolean command, String method, String path, Answer answer) {
    }

    @BeforeAll
    static void tellTheStory() {
        system.awaitConsumerGroupSettled(1);
        seeker = system.newSeeker("october", "UTC");
        log("A1", "JOB", "Acme", "Backend engineer", "2026-10-05");
        log("A2", "JOB", "Globex", "Platform engineer", "2026-10-06");
        log("A3", "PITCH", "The Atlantic", "Essay on rejection", "2026-10-07");
        log("A4", "PITCH", "Wired", "Feature pitch", "2026-10-13");
        log("A5", "GRANT", "Arts Council", "Project grant", "2026-10-14");
        log("A6", "PITCH", "Harper's", "Essay", "2026-10-16");
        log("A7", "DATING", "Sam", "Coffee?", "2026-10-19");

        command("A1", "/rejection", Map.of("receivedOn", "2026-10-12", "stageReached", "phone screen", "sting", 3));
        command("A2", "/progress", Map.of("stage", "interview round 3", "on", "2026-10-10"));
        command("A2", "/rejection", Map.of("receivedOn", "2026-10-20", "stageReached", "interview round 3"));
        command("A3", "/acceptance", Map.of("receivedOn", "2026-10-17", "notes", "Yes!"));
        command("A4", "/ghosting", Map.of("declaredOn", "2026-11-02"));
        command("A5", "/withdrawal", Map.of("on", "2026-10-15", "reason", "took another route"));
        command("A7", "/ghosting", Map.of("declaredOn", "2026-10-25"));
        command("A7", "/rejection", Map.of("receivedOn", "2026-10-28", "feedback", "sorry, I met someone"));
        Answer corrected = system.commands.patch("/api/attempts/" + ids.get("A6"),
                Map.of("title", "Essay on being ghosted")).token(seeker.token()).send();
        exchanges.add(new Exchange(true, "PATCH", "/api/attempts/" + ids.get("A6"), corrected));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        lastToken = corrected.body().get("consistencyToken").asString();
    }

    @Test
    void theBoardShowsEveryAttemptNewestFirst() {
        JsonNode board = read("/api/me/attempts?limit=100");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        assertThat(titles(board)).containsExactly("A7", "A6", "A5", "A4", "A3", "A2", "A1");
        assertThat(board.get("nextCursor").isNull()).isTrue();
        JsonNode a7 = item(board, "A7");
        assertThat(a7.get("status").asString()).isEqualTo("REJECTED");
        assertThat(a7.get("outcomeOn").asString()).isEqualTo("2026-10-28");
        assertThat(a7.get("daysToResponse").asInt()).isEqualTo(9);
        assertThat(a7.get("daysWaiting").isNull()).isTrue();
        JsonNode a6 = item(board, "A6");
        assertThat(a6.get("status").asString()).isEqualTo("WAITING");
        assertThat(a6.get("title").asString()).isEqualTo("Essay on being ghosted");
        assertThat(a6.get("daysWaiting").asLong())
                .isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(2026, 10, 16), today));
        assertThat(a6.get("outcomeOn").isNull()).isTrue();
        assertThat(item(board, "A5").get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(item(board, "A5").get("daysToResponse").isNull()).isTrue();
        assertThat(item(board, "A4").get("status").asString()).isEqualTo("GHOSTED");
        assertThat(item(board, "A4").get("outcomeOn").asString()).isEqualTo("2026-11-02");
        assertThat(item(board, "A3").get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(item(board, "A3").get("daysToResponse").asInt()).isEqualTo(10);
        assertThat(item(board, "A2").get("stage").asString()).isEqualTo("interview round 3");
        assertThat(item(board, "A2").get("daysToResponse").asInt()).isEqualTo(14);
        assertThat(item(board, "A1").get("stage").asString()).isEqualTo("phone screen");
        assertThat(item(board, "A1").get("category").asString()).isEqualTo("JOB");
        assertThat(item(board, "A1").get("target").asString()).isEqualTo("Acme");
        assertThat(item(board, "A1").get("sentOn").asString()).isEqualTo("2026-10-05");
    }

    @Test
    void theBoardPagesWithoutGapsOrOverlapAndFilters() {
        JsonNode first = read("/api/me/attempts?limit=3");
        JsonNode second = read("/api/me/attempts?limit=3&cursor=" + first.get("nextCursor").asString());
        JsonNode third = read("/api/me/attempts?limit=3&cursor=" + second.get("nextCursor").asString());

        assertThat(titles(first)).containsExactly("A7", "A6", "A5");
        assertThat(titles(second)).containsExactly("A4", "A3", "A2");
        assertThat(titles(third)).containsExactly("A1");
        assertThat(third.get("nextCursor").isNull()).isTrue();
        assertThat(titles(read("/api/me/attempts?status=REJECTED"))).containsExactly("A7", "A2", "A1");
        assertThat(titles(read("/api/me/attempts?category=PITCH"))).containsExactly("A6", "A4", "A3");
    }

    @Test
    void theDetailCarriesTheAttemptsHistory() {
        JsonNode a2 = read("/api/me/attempts/" + ids.get("A2"));

        assertThat(a2.get("status").asString()).isEqualTo("REJECTED");
        List<String> types = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        a2.get("history").forEach(event -> {
            types.add(event.get("type").asString());
            dates.add(event.get("date").asString());
        });
        // the deadlines are set the day the attempt is logged (today), for the dates it was sent with
        assertThat(types).containsExactly("AttemptLogged", "ResponseDeadlinesSet", "AttemptAdvanced",
                "RejectionReceived");
        assertThat(dates).containsExactly("2026-10-06", LocalDate.now(ZoneOffset.UTC).toString(), "2026-10-10",
                "2026-10-20");
        JsonNode deadlines = a2.get("history").get(1).get("details");
        assertThat(deadlines.get("followUpOn").asString()).isEqualTo("2026-10-13");
        assertThat(deadlines.get("ghostedAfter").asString()).isEqualTo("2026-11-05");
    }

    @Test
    void statsCountEachFactInThePeriodOfItsOwnDate() {
        JsonNode all = read("/api/me/stats");

        assertCounts(all, 7, 3, 1, 1, 1, 1);
        assertRate(all, "rejectionRate", 0.6);
        assertRate(all, "acceptanceRate", 0.2);
        assertRate(all, "responseRate", 0.8);
        assertRate(all, "medianDaysToResponse", 9.5);
        assertRate(all, "rejectionsPerAcceptance", 3.0);

        JsonNode job = all.get("byCategory").get("JOB");
        assertCounts(job, 2, 2, 0, 0, 0, 0);
        assertRate(job, "rejectionRate", 1.0);
        assertRate(job, "medianDaysToResponse", 10.5);
        assertThat(job.get("rejectionsPerAcceptance").isNull()).isTrue();
        JsonNode pitch = all.get("byCategory").get("PITCH");
        assertCounts(pitch, 3, 0, 1, 1, 0, 1);
        assertRate(pitch, "acceptanceRate", 0.5);
        assertRate(pitch, "responseRate", 0.5);
        JsonNode grant = all.get("byCategory").get("GRANT");
        assertCounts(grant, 1, 0, 0, 0, 1, 0);
        assertThat(grant.get("rejectionRate").isNull()).isTrue();
        assertThat(all.get("byCategory").has("AUDITION")).isFalse();

        List<String> weeks = new ArrayList<>();
        all.get("byWeek").forEach(week -> weeks.add(week.get("weekStart").asString() + " "
                + week.get("attempts").asInt() + "/" + week.get("rejections").asInt() + "/"
                + week.get("acceptances").asInt() + "/" + week.get("ghosted").asInt()));
        assertThat(weeks).containsExactly("2026-10-05 3/0/0/0", "2026-10-12 3/1/1/0", "2026-10-19 1/1/0/0",
                "2026-10-26 0/1/0/0", "2026-11-02 0/0/0/1");

        JsonNode window = read("/api/me/stats?from=2026-10-12&to=2026-10-25");
        assertCounts(window, 4, 2, 1, 0, 1, 1);
        assertRate(window, "rejectionRate", 0.6667);
        assertRate(window, "responseRate", 1.0);
        assertRate(window, "medianDaysToResponse", 10.0);
        assertRate(window, "rejectionsPerAcceptance", 2.0);
    }

    @Test
    void theTimelineListsEveryEventNewestFirst() {
        JsonNode timeline = read("/api/me/timeline?limit=100");

        List<String> types = new ArrayList<>();
        timeline.get("items").forEach(item -> types.add(item.get("type").asString()));
        assertThat(types).hasSize(24);
        assertThat(types.stream().filter("ResponseDeadlinesSet"::equals)).hasSize(7);
        assertThat(types.get(0)).isEqualTo("AttemptCorrected");
        assertThat(types.get(1)).isEqualTo("RejectionReceived");
        assertThat(types.get(types.size() - 1)).isEqualTo("SeekerRegistered");
        assertThat(types.stream().filter("AttemptLogged"::equals)).hasSize(7);
    }

    @Test
    void nobodyElseSeesTheseAttempts() {
        Seeker stranger = system.newSeeker("stranger", "UTC");

        assertThat(system.queries.get("/api/me/attempts/" + ids.get("A1")).token(stranger.token()).send().status())
                .isEqualTo(404);
        assertThat(system.queries.get("/api/me/attempts").token(stranger.token()).send().body().get("items"))
                .isEmpty();
        assertThat(system.commands.post("/api/attempts/" + ids.get("A6") + "/rejection", Map.of())
                .token(stranger.token()).send().status()).isEqualTo(404);
        assertThat(system.queries.get("/api/me/stats").send().status()).isEqualTo(401);
        assertThat(system.queries.get("/api/me/stats").token(seeker.token() + "x").send().status()).isEqualTo(401);
    }

    /**
     * After the story, each metric the Grafana dashboard charts is exposed by one of the services, with values that
     * fit the story: the events it stored and the nos it logged, nothing left to publish, its events fresh.
     */
    @Test
    void prometheusShowsEveryMetricTheDashboardCharts() throws Exception {
        String operator = system.operatorToken(seeker);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            PrometheusScrape commandSide = new PrometheusScrape(
                    system.commands.get("/actuator/prometheus").token(operator).send().text());
            PrometheusScrape querySide = new PrometheusScrape(
                    system.queries.get("/actuator/prometheus").token(operator).send().text());
            assertThat(ComposeFileTest.dashboardMetrics()).allSatisfy(metric -> {
                String series = metric.replaceAll("_(bucket|count|sum|max)$", "_count");
                assertThat(ON_FIRST_OCCURRENCE.contains(metric) || commandSide.has(metric) || querySide.has(metric)
                        || commandSide.has(series) || querySide.has(series)).as(metric).isTrue();
            });
            assertThat(commandSide.sum("ghost_events_stored_total", "type=\"AttemptLogged\""))
                    .isGreaterThanOrEqualTo(7);
            assertThat(commandSide.sum("ghost_rejections_logged_total")).isGreaterThanOrEqualTo(5);
            assertThat(commandSide.sum("ghost_publisher_lag_events")).isZero();
            assertThat(querySide.sum("query_freshness_seconds_count")).isGreaterThanOrEqualTo(20);
            assertThat(querySide.sum("query_events_applied_total")).isGreaterThanOrEqualTo(20);
        });
    }

    /**
     * Every answer of the story (its commands, and the reads of every page a seeker has) is one its service's
     * OpenAPI document describes: a documented status and content type, and a body valid against the schema
     * documented for it; refusals too.
     */
    @Test
    void everyAnswerIsOneTheOpenApiDocumentsDescribe() {
        for (String page : List.of("/api/me/attempts", "/api/me/attempts?status=REJECTED&limit=2",
                "/api/me/attempts/" + ids.get("A2"), "/api/me/stats", "/api/me/timeline?limit=5", "/api/me/goals",
                "/api/me/streaks", "/api/me/pauses", "/api/me/settings", "/api/me/reminders", "/api/me/reflections",
                "/api/me/resilience", "/api/me/ghost-resume", "/api/me/shares", "/api/feed", "/api/challenges")) {
            read(page);
        }
        exchanges.add(new Exchange(false, "GET", "/api/me/attempts/" + ids.get("A1"),
                system.queries.get("/api/me/attempts/" + UUID.randomUUID()).token(seeker.token()).send()));
        exchanges.add(new Exchange(false, "GET", "/api/me/stats", system.queries.get("/api/me/stats").send()));
        exchanges.add(new Exchange(true, "POST", "/api/attempts", system.commands.post("/api/attempts",
                Map.of("category", "NOT_A_CATEGORY")).token(seeker.token()).send()));
        exchanges.add(new Exchange(true, "POST", "/api/attempts/" + ids.get("A1") + "/rejection", system.commands
                .post("/api/attempts/" + ids.get("A1") + "/rejection", Map.of("receivedOn", "2026-10-30"))
                .token(seeker.token()).send()));

        ApiContract commands = ApiContract.of("command-service", system.commands);
        ApiContract queries = ApiContract.of("query-service", system.queries);
        List<String> violations = new ArrayList<>();
        for (Exchange exchange : List.copyOf(exchanges)) {
            violations.addAll((exchange.command() ? commands : queries).violations(exchange.method(), exchange.path(),
                    exchange.answer()));
        }
        assertThat(exchanges).hasSizeGreaterThan(30);
        assertThat(violations).isEmpty();
    }

    /**
     * One trace runs from a command through Kafka to the projection: the command service exports the request's
     * spans and the {@code publish} span of its event under the caller's trace id, and the query service the
     * {@code project} span of the batch that applied it, under the same id.
     */
    @Test
    void aCommandsTraceReachesTheBatchThatProjectsItsEvent() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String caller = traceId.substring(0, 16);
        Seeker traced = system.newSeeker("traced", "UTC");
        Answer logged = system.commands.post("/api/attempts", Map.of("category", "PITCH", "target", "Granta",
                "title", "Traced pitch", "sentOn", "2026-10-30")).token(traced.token())
                .header("traceparent", "00-" + traceId + "-" + caller + "-01").send();
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(system.traces.exported("command-service", traceId, "publish AttemptLogged")).isTrue();
            assertThat(system.traces.exported("query-service", traceId, "project")).isTrue();
        });
    }

    /** Counted from the first time it happens (a deadline fired, a read refused...), absent until then. */
    private static final Set<String> ON_FIRST_OCCURRENCE = Set.of("ghost_deadlines_fired_total",
            "query_events_skipped_total");

    // --- the story's steps

    private static void log(String name, String category, String target, String title, String sentOn) {
        Answer answer = system.commands.post("/api/attempts", Map.of("category", category, "target", target,
                "title", title, "notes", name, "sentOn", sentOn)).token(seeker.token()).send();
        exchanges.add(new Exchange(true, "POST", "/api/attempts", answer));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        ids.put(name, answer.body().get("attemptId").asString());
    }

    private static void command(String name, String path, Map<String, Object> body) {
        Answer answer = system.commands.post("/api/attempts/" + ids.get(name) + path, body).token(seeker.token())
                .send();
        exchanges.add(new Exchange(true, "POST", "/api/attempts/" + ids.get(name) + path, answer));
        assertThat(answer.status()).as(name + path + " " + answer).isEqualTo(200);
    }

    /** Reads with the last write's consistency token: the answer includes everything written above. */
    private static JsonNode read(String path) {
        Answer answer = system.queries.get(path).token(seeker.token()).header("Consistency-Token", lastToken).send();
        exchanges.add(new Exchange(false, "GET", path, answer));
        assertThat(answer.status()).as(path + " " + answer).isEqualTo(200);
        return answer.body();
    }

    private static List<String> titles(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(nameOf(item.get("attemptId").asString())));
        return names;
    }

    private static String nameOf(String attemptId) {
        return ids.entrySet().stream().filter(e -> e.getValue().equals(attemptId)).map(Map.Entry::getKey)
                .findFirst().orElse(attemptId);
    }

    private static JsonNode item(JsonNode page, String name) {
        for (JsonNode item : page.get("items")) {
            if (item.get("attemptId").asString().equals(ids.get(name))) {
                return item;
            }
        }
        throw new AssertionError(name + " not on the board");
    }

    private static void assertCounts(JsonNode stats, int attempts, int rejections, int acceptances, int ghosted,
            int withdrawn, int waiting) {
        assertThat(List.of(stats.get("attempts").asInt(), stats.get("rejections").asInt(),
                stats.get("acceptances").asInt(), stats.get("ghosted").asInt(), stats.get("withdrawn").asInt(),
                stats.get("waiting").asInt())).as(stats.toString())
                .containsExactly(attempts, rejections, acceptances, ghosted, withdrawn, waiting);
    }

    private static void assertRate(JsonNode stats, String field, double expected) {
        assertThat(stats.get(field).asDouble()).as(field + " in " + stats).isCloseTo(expected, within(0.0001));
    }
}
