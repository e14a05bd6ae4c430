package app.ghostresume.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptAdvanced;
import app.ghostresume.events.AttemptCorrected;
import app.ghostresume.events.AttemptGhosted;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptWithdrawn;
import app.ghostresume.events.Category;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.query.support.Api.Response;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models end to end: events published on Kafka, read back over HTTP. Ada's seven attempts over two ISO
 * weeks (2 March and 9 March 2026) are small enough that every figure below is worked out by hand; Bea's many
 * attempts exercise pagination. "Today" is 20 March 2026 (fixed clock), Ada lives in Paris.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadModelApiTest extends QueryServiceIntegrationTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final UUID ADA = UUID.randomUUID();
    private static final UUID BEA = UUID.randomUUID();
    private static final UUID A1 = UUID.randomUUID();
    private static final UUID A2 = UUID.randomUUID();
    private static final UUID A3 = UUID.randomUUID();
    private static final UUID A4 = UUID.randomUUID();
    private static final UUID A5 = UUID.randomUUID();
    private static final UUID A6 = UUID.randomUUID();
    private static final UUID A7 = UUID.randomUUID();

    private final List<BeaAttempt> beaAttempts = new ArrayList<>();
    private EventEnvelope lastAdaEvent;

    @BeforeAll
    void publishHistories() {
        // 23:30 UTC on 1 March is already 2 March in Paris
        events().publish(new SeekerRegistered(ADA, "ada", "Ada", PARIS), Instant.parse("2026-03-01T23:30:00Z"));
        logged(A1, Category.JOB, "Acme", "Backend engineer", "2026-03-02");
        logged(A2, Category.JOB, "Globex", "Platform engineer", "2026-03-03");
        logged(A3, Category.PITCH, "Initech", "Seed round", "2026-03-04");
        logged(A4, Category.JOB, "Umbrella", "Staff engineer", "2026-03-05");
        events().publish(new RejectionReceived(A1, ADA, date("2026-03-05"), "phone screen", "Too senior", 3),
                at("2026-03-05"));
        events().publish(new AttemptAdvanced(A4, ADA, "interview", date("2026-03-08"), "Went well"), at("2026-03-08"));
        logged(A5, Category.PITCH, "Hooli", "Series A", "2026-03-09");
        logged(A6, Category.JOB, "Massive Dynamic", "Enginer", "2026-03-10");
        events().publish(new RejectionReceived(A2, ADA, date("2026-03-10"), null, null, null), at("2026-03-10"));
        logged(A7, Category.GRANT, "Arts Council", "Writing grant", "2026-03-11");
        events().publish(new AttemptWithdrawn(A7, ADA, date("2026-03-12"), "Changed plans"), at("2026-03-12"));
        events().publish(new AcceptanceReceived(A4, ADA, date("2026-03-13"), "Offer!"), at("2026-03-13"));
        events().publish(new AttemptGhosted(A5, ADA, date("2026-03-13"), false), at("2026-03-13"));
        events().publish(new RejectionReceived(A3, ADA, date("2026-03-14"), "partner meeting", null, 5),
                at("2026-03-14"));
        // late on 15 March in UTC, 16 March in Paris
        lastAdaEvent = events().publish(new AttemptCorrected(A6, ADA, null, null, "Engineer", "typo fixed", null, null),
                Instant.parse("2026-03-15T23:30:00Z"));

        events().publish(new SeekerRegistered(BEA, "bea", "Bea", ZoneId.of("UTC")), Instant.parse("2026-02-01T08:00:00Z"));
        for (int i = 0; i < 25; i++) {
            // few distinct dates and instants, so the order often falls back to the later keys
            LocalDate sentOn = date("2026-02-01").plusDays(i % 3);
            Instant loggedAt = Instant.parse("2026-02-05T10:00:00Z").plusSeconds(i % 2);
            UUID attemptId = UUID.randomUUID();
            events().publish(new AttemptLogged(attemptId, BEA, Category.SUBMISSION, "Journal " + i, "Story " + i, null,
                    sentOn, null), loggedAt);
            beaAttempts.add(new BeaAttempt(attemptId, sentOn, loggedAt));
        }
        eventually(() -> count("SELECT count(*) FROM seeker_event") == 16 + 26);
    }

    @Test
    void boardListsTheSeekersAttemptsNewestSentFirstWithDaysWaitingAndDaysToResponse() {
        Response response = api().get("/api/me/attempts", tokens().tokenFor(ADA));

        assertThat(response.status()).isEqualTo(200);
        JsonNode items = response.body().get("items");
        assertThat(ids(items)).containsExactly(A7, A6, A5, A4, A3, A2, A1);
        assertThat(response.body().get("nextCursor").isNull()).isTrue();

        JsonNode waiting = items.get(1);
        assertThat(waiting.get("category").asString()).isEqualTo("JOB");
        assertThat(waiting.get("target").asString()).isEqualTo("Massive Dynamic");
        assertThat(waiting.get("title").asString()).isEqualTo("Engineer");
        assertThat(waiting.get("status").asString()).isEqualTo("WAITING");
        assertThat(waiting.get("stage").isNull()).isTrue();
        assertThat(waiting.get("sentOn").asString()).isEqualTo("2026-03-10");
        assertThat(waiting.get("expectedResponseBy").asString()).isEqualTo("2026-03-31");
        assertThat(waiting.get("outcomeOn").isNull()).isTrue();
        assertThat(waiting.get("daysWaiting").asLong()).isEqualTo(10);
        assertThat(waiting.get("daysToResponse").isNull()).isTrue();
        assertThat(waiting.has("notes")).isFalse();

        JsonNode accepted = items.get(3);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("stage").asString()).isEqualTo("interview");
        assertThat(accepted.get("outcomeOn").asString()).isEqualTo("2026-03-13");
        assertThat(accepted.get("daysToResponse").asLong()).isEqualTo(8);
        assertThat(accepted.get("daysWaiting").isNull()).isTrue();

        JsonNode firstRejection = items.get(6);
        assertThat(firstRejection.get("status").asString()).isEqualTo("REJECTED");
        assertThat(firstRejection.get("stage").asString()).isEqualTo("phone screen");
        assertThat(firstRejection.get("daysToResponse").asLong()).isEqualTo(3);

        JsonNode ghosted = items.get(2);
        assertThat(ghosted.get("status").asString()).isEqualTo("GHOSTED");
        assertThat(ghosted.get("outcomeOn").asString()).isEqualTo("2026-03-13");
        assertThat(ghosted.get("daysToResponse").isNull()).isTrue();
        assertThat(ghosted.get("daysWaiting").isNull()).isTrue();

        assertThat(items.get(0).get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(items.get(0).get("outcomeOn").asString()).isEqualTo("2026-03-12");
    }

    @Test
    void boardFiltersByStatusAndCategory() {
        String token = tokens().tokenFor(ADA);
        assertThat(ids(api().get("/api/me/attempts?status=REJECTED", token).body().get("items")))
                .containsExactly(A3, A2, A1);
        assertThat(ids(api().get("/api/me/attempts?category=PITCH", token).body().get("items")))
                .containsExactly(A5, A3);
        assertThat(ids(api().get("/api/me/attempts?status=WAITING&category=JOB", token).body().get("items")))
                .containsExactly(A6);
        assertThat(ids(api().get("/api/me/attempts?status=ACCEPTED&category=PITCH", token).body().get("items")))
                .isEmpty();
    }

    @Test
    void boardPagesThroughEveryAttemptOnceInOrder() {
        List<UUID> expected = beaAttempts.stream()
                .sorted(Comparator.comparing(BeaAttempt::sentOn).thenComparing(BeaAttempt::loggedAt)
                        .thenComparing(attempt -> attempt.attemptId().toString()).reversed())
                .map(BeaAttempt::attemptId)
                .toList();
        String token = tokens().tokenFor(BEA);

        List<UUID> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            Response page = api().get("/api/me/attempts?limit=10" + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(page.status()).isEqualTo(200);
            List<UUID> ids = ids(page.body().get("items"));
            pageSizes.add(ids.size());
            seen.addAll(ids);
            cursor = page.body().get("nextCursor").isNull() ? null : page.body().get("nextCursor").asString();
        }
        while (cursor != null);

        assertThat(pageSizes).containsExactly(10, 10, 5);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void detailAddsNotesAndTheAttemptsHistoryOldestFirst() {
        Response response = api().get("/api/me/attempts/" + A4, tokens().tokenFor(ADA));

        assertThat(response.status()).isEqualTo(200);
        JsonNode detail = response.body();
        assertThat(detail.get("attemptId").asString()).isEqualTo(A4.toString());
        assertThat(detail.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(detail.get("daysToResponse").asLong()).isEqualTo(8);
        assertThat(detail.get("notes").asString()).isEqualTo("notes on Umbrella");
        JsonNode history = detail.get("history");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("type").asString()).isEqualTo("AttemptLogged");
        assertThat(history.get(0).get("date").asString()).isEqualTo("2026-03-05");
        assertThat(history.get(0).get("recordedAt").asString()).isEqualTo("2026-03-05T08:00:00Z");
        JsonNode logged = history.get(0).get("details");
        assertThat(logged.get("category").asString()).isEqualTo("JOB");
        assertThat(logged.get("target").asString()).isEqualTo("Umbrella");
        assertThat(logged.get("sentOn").asString()).isEqualTo("2026-03-05");
        assertThat(logged.has("attemptId")).isFalse();
        assertThat(logged.has("seekerId")).isFalse();
        assertThat(history.get(1).get("type").asString()).isEqualTo("AttemptAdvanced");
        assertThat(history.get(1).get("date").asString()).isEqualTo("2026-03-08");
        assertThat(history.get(1).get("details").get("stage").asString()).isEqualTo("interview");
        assertThat(history.get(2).get("type").asString()).isEqualTo("AcceptanceReceived");
        assertThat(history.get(2).get("details").get("notes").asString()).isEqualTo("Offer!");
    }

    @Test
    void detailOfACorrectedAttemptShowsTheCorrectedFieldsAndLeavesTheOthers() {
        JsonNode detail = api().get("/api/me/attempts/" + A6, tokens().tokenFor(ADA)).body();

        assertThat(detail.get("title").asString()).isEqualTo("Engineer");
        assertThat(detail.get("notes").asString()).isEqualTo("typo fixed");
        assertThat(detail.get("target").asString()).isEqualTo("Massive Dynamic");
        assertThat(detail.get("category").asString()).isEqualTo("JOB");
        JsonNode correction = detail.get("history").get(1);
        assertThat(correction.get("type").asString()).isEqualTo("AttemptCorrected");
        assertThat(correction.get("date").asString()).isEqualTo("2026-03-16");
        assertThat(correction.get("details").propertyNames()).containsExactlyInAnyOrder("title", "notes");
    }

    @Test
    void statsOverAllTimeCountEveryFact() {
        JsonNode stats = api().get("/api/me/stats", tokens().tokenFor(ADA)).body();

        assertFigures(stats, 7, 3, 1, 1, 1, 1, 0.6, 0.2, 0.8, 7.5, 3.0);
        assertThat(stats.get("byCategory").propertyNames()).containsExactlyInAnyOrder("JOB", "PITCH", "GRANT");
        assertFigures(stats.get("byCategory").get("JOB"), 4, 2, 1, 0, 0, 1, 0.6667, 0.3333, 1.0, 7.0, 2.0);
        assertFigures(stats.get("byCategory").get("PITCH"), 2, 1, 0, 1, 0, 0, 0.5, 0.0, 0.5, 10.0, null);
        assertFigures(stats.get("byCategory").get("GRANT"), 1, 0, 0, 0, 1, 0, null, null, null, null, null);
        JsonNode weeks = stats.get("byWeek");
        assertThat(weeks).hasSize(2);
        assertWeek(weeks.get(0), "2026-03-02", 4, 1, 0, 0);
        assertWeek(weeks.get(1), "2026-03-09", 3, 2, 1, 1);
    }

    @Test
    void statsCountEachFactInThePeriodOfItsOwnDate() {
        JsonNode stats = api().get("/api/me/stats?from=2026-03-09&to=2026-03-13", tokens().tokenFor(ADA)).body();

        // sent in the period: A5, A6, A7; answered in it: A2 rejected (7 days), A4 accepted (8), A5 ghosted, A7 withdrawn
        assertFigures(stats, 3, 1, 1, 1, 1, 1, 0.3333, 0.3333, 0.6667, 7.5, 1.0);
        assertThat(stats.get("byCategory").propertyNames()).containsExactlyInAnyOrder("JOB", "PITCH", "GRANT");
        assertFigures(stats.get("byCategory").get("JOB"), 1, 1, 1, 0, 0, 1, 0.5, 0.5, 1.0, 7.5, 1.0);
        assertFigures(stats.get("byCategory").get("PITCH"), 1, 0, 0, 1, 0, 0, 0.0, 0.0, 0.0, null, null);
        assertFigures(stats.get("byCategory").get("GRANT"), 1, 0, 0, 0, 1, 0, null, null, null, null, null);
        assertThat(stats.get("byWeek")).hasSize(1);
        assertWeek(stats.get("byWeek").get(0), "2026-03-09", 3, 1, 1, 1);
    }

    @Test
    void statsForOneCategoryAndForAnEmptyPeriod() {
        String token = tokens().tokenFor(ADA);
        JsonNode pitch = api().get("/api/me/stats?category=PITCH", token).body();
        assertFigures(pitch, 2, 1, 0, 1, 0, 0, 0.5, 0.0, 0.5, 10.0, null);
        assertThat(pitch.get("byCategory").propertyNames()).containsExactly("PITCH");
        assertThat(pitch.get("byWeek")).hasSize(2);
        assertWeek(pitch.get("byWeek").get(0), "2026-03-02", 1, 0, 0, 0);
        assertWeek(pitch.get("byWeek").get(1), "2026-03-09", 1, 1, 0, 1);

        JsonNode empty = api().get("/api/me/stats?from=2025-01-01&to=2025-12-31", token).body();
        assertFigures(empty, 0, 0, 0, 0, 0, 0, null, null, null, null, null);
        assertThat(empty.get("byCategory").isEmpty()).isTrue();
        assertThat(empty.get("byWeek").isEmpty()).isTrue();

        JsonNode onlyFrom = api().get("/api/me/stats?from=2026-03-14", token).body();
        assertFigures(onlyFrom, 0, 1, 0, 0, 0, 0, 1.0, 0.0, 1.0, 10.0, null);
    }

    @Test
    void timelineListsTheSeekersEventsNewestFirst() {
        Response response = api().get("/api/me/timeline?limit=100", tokens().tokenFor(ADA));

        assertThat(response.status()).isEqualTo(200);
        JsonNode items = response.body().get("items");
        assertThat(items).hasSize(16);
        assertThat(response.body().get("nextCursor").isNull()).isTrue();
        JsonNode newest = items.get(0);
        assertThat(newest.get("eventId").asString()).isEqualTo(lastAdaEvent.eventId().toString());
        assertThat(newest.get("type").asString()).isEqualTo("AttemptCorrected");
        assertThat(newest.get("aggregateId").asString()).isEqualTo(A6.toString());
        assertThat(newest.get("date").asString()).isEqualTo("2026-03-16");
        assertThat(newest.get("recordedAt").asString()).isEqualTo("2026-03-15T23:30:00Z");
        JsonNode oldest = items.get(15);
        assertThat(oldest.get("type").asString()).isEqualTo("SeekerRegistered");
        assertThat(oldest.get("aggregateId").asString()).isEqualTo(ADA.toString());
        assertThat(oldest.get("date").asString()).isEqualTo("2026-03-02");
        assertThat(oldest.get("details").get("handle").asString()).isEqualTo("ada");
        assertThat(oldest.get("details").get("timeZone").asString()).isEqualTo("Europe/Paris");
        List<Instant> recorded = new ArrayList<>();
        items.forEach(item -> recorded.add(Instant.parse(item.get("recordedAt").asString())));
        assertThat(recorded).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void timelinePagesWithoutOverlapOrGaps() {
        String token = tokens().tokenFor(BEA);
        List<String> all = eventIds(api().get("/api/me/timeline?limit=100", token).body().get("items"));
        assertThat(all).hasSize(26);

        List<String> paged = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api().get("/api/me/timeline?limit=10" + (cursor == null ? "" : "&cursor=" + cursor), token)
                    .body();
            List<String> ids = eventIds(page.get("items"));
            pageSizes.add(ids.size());
            paged.addAll(ids);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        }
        while (cursor != null);

        assertThat(pageSizes).containsExactly(10, 10, 6);
        assertThat(paged).containsExactlyElementsOf(all);
    }

    private void logged(UUID attemptId, Category category, String target, String title, String sentOn) {
        LocalDate sent = date(sentOn);
        lastAdaEvent = events().publish(new AttemptLogged(attemptId, ADA, category, target, title, "notes on " + target,
                sent, attemptId.equals(A6) ? date("2026-03-31") : null), at(sentOn));
    }

    /** Nine in the morning in Paris. */
    private static Instant at(String date) {
        return date(date).atTime(LocalTime.of(9, 0)).atZone(PARIS).toInstant();
    }

    private static LocalDate date(String date) {
        return LocalDate.parse(date);
    }

    private static List<UUID> ids(JsonNode items) {
        List<UUID> ids = new ArrayList<>();
        items.forEach(item -> ids.add(UUID.fromString(item.get("attemptId").asString())));
        return ids;
    }

    private static List<String> eventIds(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("eventId").asString()));
        return ids;
    }

    private static void assertFigures(JsonNode figures, long attempts, long rejections, long acceptances, long ghosted,
            long withdrawn, long waiting, Double rejectionRate, Double acceptanceRate, Double responseRate,
            Double medianDaysToResponse, Double rejectionsPerAcceptance) {
        assertThat(figures.get("attempts").asLong()).as("attempts").isEqualTo(attempts);
        assertThat(figures.get("rejections").asLong()).as("rejections").isEqualTo(rejections);
        assertThat(figures.get("acceptances").asLong()).as("acceptances").isEqualTo(acceptances);
        assertThat(figures.get("ghosted").asLong()).as("ghosted").isEqualTo(ghosted);
        assertThat(figures.get("withdrawn").asLong()).as("withdrawn").isEqualTo(withdrawn);
        assertThat(figures.get("waiting").asLong()).as("waiting").isEqualTo(waiting);
        assertDecimal(figures, "rejectionRate", rejectionRate);
        assertDecimal(figures, "acceptanceRate", acceptanceRate);
        assertDecimal(figures, "responseRate", responseRate);
        assertDecimal(figures, "medianDaysToResponse", medianDaysToResponse);
        assertDecimal(figures, "rejectionsPerAcceptance", rejectionsPerAcceptance);
    }

    private static void assertDecimal(JsonNode figures, String field, Double expected) {
        JsonNode value = figures.get(field);
        assertThat(value).as(field + " present").isNotNull();
        if (expected == null) {
            assertThat(value.isNull()).as(field + " is null").isTrue();
        }
        else {
            assertThat(value.asDouble()).as(field).isEqualTo(expected);
        }
    }

    private static void assertWeek(JsonNode week, String weekStart, long attempts, long rejections, long acceptances,
            long ghosted) {
        assertThat(week.get("weekStart").asString()).isEqualTo(weekStart);
        assertThat(week.get("attempts").asLong()).as("attempts").isEqualTo(attempts);
        assertThat(week.get("rejections").asLong()).as("rejections").isEqualTo(rejections);
        assertThat(week.get("acceptances").asLong()).as("acceptances").isEqualTo(acceptances);
        assertThat(week.get("ghosted").asLong()).as("ghosted").isEqualTo(ghosted);
    }

    private record BeaAttempt(UUID attemptId, LocalDate sentOn, Instant loggedAt) {
    }
}
