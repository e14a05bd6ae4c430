package app.ghostresume.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.Category;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.Personal;
import app.ghostresume.events.ReflectionRecorded;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.SeekerEvent;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.query.support.Api.Response;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reflections and resilience. Ada: A1 (JOB) rejected 10 Jan with sting 4, A2 (JOB) rejected 3 Feb with sting 2,
 * A3 (PITCH) rejected 10 Feb without a sting, A4 (PITCH) accepted 20 Feb. Reflections: R1 on A1 (11 Jan, not
 * personal), R2 on A1 (4 Feb, unsure), R3 on A3 (11 Feb, unanswered), R4 on A4 (21 Feb, not personal).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReflectionsAndResilienceApiTest extends QueryServiceIntegrationTest {

    private static final UUID ADA = UUID.randomUUID();
    private static final UUID BEA = UUID.randomUUID();
    private static final UUID A1 = UUID.randomUUID();
    private static final UUID A2 = UUID.randomUUID();
    private static final UUID A3 = UUID.randomUUID();
    private static final UUID A4 = UUID.randomUUID();
    private static final UUID R1 = UUID.randomUUID();
    private static final UUID R2 = UUID.randomUUID();
    private static final UUID R3 = UUID.randomUUID();
    private static final UUID R4 = UUID.randomUUID();

    private EventEnvelope firstReflection;
    private EventEnvelope staleRejection;
    private EventEnvelope reflectionCopy;

    @BeforeAll
    void publishHistory() {
        List<EventEnvelope> published = new ArrayList<>();
        published.add(publishAt(new SeekerRegistered(ADA, "ada", "Ada", ZoneId.of("UTC")), "2026-01-01T09:00:00Z"));
        published.add(publishAt(new SeekerRegistered(BEA, "bea", "Bea", ZoneId.of("UTC")), "2026-01-01T09:00:00Z"));
        published.add(logged(A1, Category.JOB, "2026-01-05"));
        published.add(logged(A2, Category.JOB, "2026-01-12"));
        // numbered before A2's real rejection, delivered after it
        staleRejection = events().envelope(new RejectionReceived(A2, ADA, date("2026-01-20"), "stale", null, 5),
                Instant.parse("2026-01-20T10:00:00Z"));
        published.add(logged(A3, Category.PITCH, "2026-02-01"));
        published.add(logged(A4, Category.PITCH, "2026-02-02"));
        published.add(publishAt(new RejectionReceived(A1, ADA, date("2026-01-10"), "phone screen", null, 4),
                "2026-01-10T10:00:00Z"));
        firstReflection = publishAt(new ReflectionRecorded(A1, ADA, R1, "Form letter", "Shorter cover letter",
                "Ask for feedback", Personal.NO, date("2026-01-11")), "2026-01-11T10:00:00Z");
        published.add(firstReflection);
        published.add(publishAt(new RejectionReceived(A2, ADA, date("2026-02-03"), null, "no", 2),
                "2026-02-03T10:00:00Z"));
        published.add(publishAt(new ReflectionRecorded(A1, ADA, R2, "Thought again", null, null, Personal.UNSURE,
                date("2026-02-04")), "2026-02-04T10:00:00Z"));
        published.add(publishAt(new RejectionReceived(A3, ADA, date("2026-02-10"), null, null, null),
                "2026-02-10T10:00:00Z"));
        published.add(publishAt(new ReflectionRecorded(A3, ADA, R3, "Silence then no", null, null, null,
                date("2026-02-11")), "2026-02-11T10:00:00Z"));
        published.add(publishAt(new AcceptanceReceived(A4, ADA, date("2026-02-20"), null), "2026-02-20T10:00:00Z"));
        published.add(publishAt(new ReflectionRecorded(A4, ADA, R4, "A yes!", "Persistence", null, Personal.NO,
                date("2026-02-21")), "2026-02-21T10:00:00Z"));
        // A2's real rejection came before the one numbered ahead of it, so it waits for it
        events().publish(staleRejection);
        published.add(staleRejection);
        awaitAll(published);
        // a copy of an applied reflection under a new event id at its own position: a redelivery, dropped
        reflectionCopy = EventEnvelope.wrap(UUID.randomUUID(), firstReflection.aggregateId(),
                firstReflection.aggregateSequence(), firstReflection.occurredAt(), new ReflectionRecorded(A1, ADA, R1,
                        "Copy", null, null, Personal.YES, date("2026-03-01")));
        events().publish(reflectionCopy);
        // a redelivery of an applied reflection changes nothing
        events().publish(firstReflection);
        EventEnvelope marker = logged(UUID.randomUUID(), Category.OTHER, "2026-03-01");
        awaitAll(List.of(marker, staleRejection));
    }

    @Test
    void eventsOlderThanTheBoardRowAndCopiesOfAppliedOnesChangeNothing() {
        // the rejection delivered late was applied in its place, before the newer one that had waited for it
        assertThat(count("SELECT count(*) FROM seeker_event WHERE event_id = '" + staleRejection.eventId() + "'"))
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT outcome_on || ' ' || sting FROM attempt_board WHERE attempt_id = :id")
                .param("id", A2).query(String.class).single()).isEqualTo("2026-02-03 2");
        // the copy never got past the journal: the reflection is as first recorded
        assertThat(count("SELECT count(*) FROM seeker_event WHERE event_id = '" + reflectionCopy.eventId() + "'"))
                .isZero();
        assertThat(jdbc.sql("SELECT what_happened || ' ' || was_it_personal || ' ' || recorded_on FROM reflection "
                + "WHERE reflection_id = :id").param("id", R1).query(String.class).single())
                .isEqualTo("Form letter NO 2026-01-11");
        assertThat(count("SELECT count(*) FROM reflection")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM dead_letter")).isZero();
    }

    @Test
    void reflectionsAreListedNewestFirstPageByPageWithTheirAttemptsCategory() {
        String token = tokens().tokenFor(ADA);
        Response first = api().get("/api/me/reflections?limit=3", token);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(ids(first.body().get("items"))).containsExactly(R4, R3, R2);
        JsonNode newest = first.body().get("items").get(0);
        assertThat(newest.toString()).isEqualTo("{\"reflectionId\":\"" + R4 + "\",\"attemptId\":\"" + A4
                + "\",\"category\":\"PITCH\",\"whatHappened\":\"A yes!\",\"whatILearned\":\"Persistence\","
                + "\"nextTime\":null,\"wasItPersonal\":\"NO\",\"recordedOn\":\"2026-02-21\"}");
        String cursor = first.body().get("nextCursor").asString();
        Response second = api().get("/api/me/reflections?limit=3&cursor=" + cursor, token);
        assertThat(ids(second.body().get("items"))).containsExactly(R1);
        assertThat(second.body().get("nextCursor").isNull()).isTrue();
        assertThat(count("SELECT count(*) FROM reflection")).isEqualTo(4);
    }

    @Test
    void theAttemptDetailCarriesItsReflectionsOldestFirstAndTheHistoryAndTimelineShowThem() {
        JsonNode detail = api().get("/api/me/attempts/" + A1, tokens().tokenFor(ADA)).body();
        JsonNode reflections = detail.get("reflections");
        assertThat(ids(reflections)).containsExactly(R1, R2);
        assertThat(reflections.get(0).toString()).isEqualTo("{\"reflectionId\":\"" + R1 + "\",\"whatHappened\":"
                + "\"Form letter\",\"whatILearned\":\"Shorter cover letter\",\"nextTime\":\"Ask for feedback\","
                + "\"wasItPersonal\":\"NO\",\"recordedOn\":\"2026-01-11\"}");
        List<String> types = new ArrayList<>();
        detail.get("history").forEach(entry -> types.add(entry.get("type").asString() + " " + entry.get("date").asString()));
        assertThat(types).containsExactly("AttemptLogged 2026-01-05", "RejectionReceived 2026-01-10",
                "ReflectionRecorded 2026-01-11", "ReflectionRecorded 2026-02-04");
        JsonNode timeline = api().get("/api/me/timeline?limit=100", tokens().tokenFor(ADA)).body().get("items");
        long reflectionsOnTimeline = 0;
        for (JsonNode item : timeline) {
            if (item.get("type").asString().equals("ReflectionRecorded")) {
                reflectionsOnTimeline++;
            }
        }
        assertThat(reflectionsOnTimeline).isEqualTo(4);
        assertThat(api().get("/api/me/attempts/" + A2, tokens().tokenFor(ADA)).body().get("reflections")).isEmpty();
    }

    @Test
    void nobodyElseSeesAReflection() {
        String token = tokens().tokenFor(BEA);
        assertThat(api().get("/api/me/reflections", token).body().get("items")).isEmpty();
        assertThat(api().get("/api/me/attempts/" + A1, token).status()).isEqualTo(404);
        assertThat(api().get("/api/me/timeline?limit=100", token).body().toString()).doesNotContain("Form letter");
        assertThat(api().get("/api/me/resilience", token).body().toString()).isEqualTo("{\"byMonth\":[],"
                + "\"byCategory\":[],\"overall\":{\"rejections\":0,\"averageSting\":null,\"reflections\":0,"
                + "\"notPersonalShare\":null}}");
        assertThat(api().get("/api/me/reflections", null).status()).isEqualTo(401);
        assertThat(api().get("/api/me/resilience", null).status()).isEqualTo(401);
        assertThat(api().get("/api/me/reflections?limit=0", token).status()).isEqualTo(400);
        assertThat(api().get("/api/me/reflections?cursor=garbage", token).status()).isEqualTo(400);
    }

    @Test
    void resilienceByMonthByCategoryAndOverall() {
        JsonNode resilience = api().get("/api/me/resilience", tokens().tokenFor(ADA)).body();
        assertThat(resilience.get("byMonth").toString()).isEqualTo("["
                + "{\"month\":\"2026-01\",\"rejections\":1,\"averageSting\":4.0,\"reflections\":1,\"notPersonalShare\":1.0},"
                + "{\"month\":\"2026-02\",\"rejections\":2,\"averageSting\":2.0,\"reflections\":3,\"notPersonalShare\":0.5}]");
        assertThat(resilience.get("byCategory").toString()).isEqualTo("["
                + "{\"category\":\"JOB\",\"rejections\":2,\"averageSting\":3.0,\"reflections\":2,\"notPersonalShare\":0.5},"
                + "{\"category\":\"PITCH\",\"rejections\":1,\"averageSting\":null,\"reflections\":2,"
                + "\"notPersonalShare\":1.0}]");
        assertThat(resilience.get("overall").toString()).isEqualTo("{\"rejections\":3,\"averageSting\":3.0,"
                + "\"reflections\":4,\"notPersonalShare\":0.6667}");
    }

    // --- helpers

    private EventEnvelope logged(UUID attempt, Category category, String sentOn) {
        return publishAt(new AttemptLogged(attempt, ADA, category, "Target", "Title", null, date(sentOn), null),
                sentOn + "T09:00:00Z");
    }

    private static List<UUID> ids(JsonNode items) {
        List<UUID> ids = new ArrayList<>();
        items.forEach(item -> ids.add(UUID.fromString(item.get("reflectionId").asString())));
        return ids;
    }

    private static LocalDate date(String date) {
        return LocalDate.parse(date);
    }
}
