package app.ghostresume.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.AttemptGhosted;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptWithdrawn;
import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.Category;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.FollowUpDue;
import app.ghostresume.events.FollowedUp;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.ResponseDeadlinesSet;
import app.ghostresume.events.SeekerEvent;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.events.SeekerSettingsChanged;
import app.ghostresume.query.support.Api.Response;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-up reminders, automatic ghostings on the board, and the windows behind them. Rex's attempts were all
 * sent in March 2026 ("today" is 20 March); each falls due for a follow-up and most are then settled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemindersAndSettingsTest extends QueryServiceIntegrationTest {

    private static final UUID REX = UUID.randomUUID();
    private static final UUID SUE = UUID.randomUUID();
    private static final UUID DUE_MARCH_8 = UUID.randomUUID();
    private static final UUID FOLLOWED_UP = UUID.randomUUID();
    private static final UUID DUE_MARCH_6 = UUID.randomUUID();
    private static final UUID REJECTED = UUID.randomUUID();
    private static final UUID ACCEPTED = UUID.randomUUID();
    private static final UUID GHOSTED = UUID.randomUUID();
    private static final UUID WITHDRAWN = UUID.randomUUID();

    private final List<EventEnvelope> published = new ArrayList<>();

    @BeforeAll
    void publish() {
        publish(new SeekerRegistered(REX, "rex", "Rex", ZoneId.of("UTC")), "2026-02-01");
        due(DUE_MARCH_8, Category.JOB, "Acme", "2026-03-01", "2026-03-08");
        due(FOLLOWED_UP, Category.JOB, "Globex", "2026-03-02", "2026-03-09");
        publish(new FollowedUp(FOLLOWED_UP, REX, date("2026-03-10")), "2026-03-10");
        due(DUE_MARCH_6, Category.PITCH, "Wired", "2026-03-03", "2026-03-06");
        due(REJECTED, Category.JOB, "Initech", "2026-03-04", "2026-03-11");
        publish(new RejectionReceived(REJECTED, REX, date("2026-03-12"), null, null, null), "2026-03-12");
        due(ACCEPTED, Category.GRANT, "Arts Council", "2026-02-20", "2026-03-13");
        publish(new AcceptanceReceived(ACCEPTED, REX, date("2026-03-14"), null), "2026-03-14");
        due(GHOSTED, Category.DATING, "Sam", "2026-02-10", "2026-02-13");
        publish(new AttemptGhosted(GHOSTED, REX, date("2026-02-24"), true), "2026-02-24");
        due(WITHDRAWN, Category.JOB, "Hooli", "2026-03-05", "2026-03-12");
        publish(new AttemptWithdrawn(WITHDRAWN, REX, date("2026-03-13"), null), "2026-03-13");

        publish(new SeekerRegistered(SUE, "sue", "Sue", ZoneId.of("UTC")), "2026-02-01");
        publish(new SeekerSettingsChanged(SUE, Map.of(Category.PITCH, 21, Category.GRANT, 90),
                Map.of(Category.PITCH, 10)), "2026-02-02");
        publish(new SeekerSettingsChanged(SUE, Map.of(Category.PITCH, 45), Map.of()), "2026-02-03");
        published.forEach(envelope -> eventually(() -> count("SELECT count(*) FROM seeker_event WHERE event_id = '"
                + envelope.eventId() + "'") == 1));
    }

    @Test
    void remindersOpenWhenDueAndCloseOnAFollowUpOrAnyOutcome() {
        Response response = api().get("/api/me/reminders", tokens().tokenFor(REX));

        assertThat(response.status()).isEqualTo(200);
        JsonNode reminders = response.body().get("reminders");
        assertThat(reminders).extracting(reminder -> reminder.get("attemptId").asString())
                .containsExactly(DUE_MARCH_6.toString(), DUE_MARCH_8.toString());
        JsonNode first = reminders.get(0);
        assertThat(first.get("category").asString()).isEqualTo("PITCH");
        assertThat(first.get("target").asString()).isEqualTo("Wired");
        assertThat(first.get("title").asString()).isEqualTo("Pitch to Wired");
        assertThat(first.get("sentOn").asString()).isEqualTo("2026-03-03");
        assertThat(first.get("dueOn").asString()).isEqualTo("2026-03-06");
        assertThat(first.propertyNames()).containsExactlyInAnyOrder("attemptId", "category", "target", "title",
                "sentOn", "dueOn");

        assertThat(api().get("/api/me/reminders", tokens().tokenFor(SUE)).body().get("reminders")).isEmpty();
    }

    @Test
    void anAutomaticGhostingShowsAsGhostedOnTheBoardAndIsMarkedAsAutomatic() {
        JsonNode detail = api().get("/api/me/attempts/" + GHOSTED, tokens().tokenFor(REX)).body();

        assertThat(detail.get("status").asString()).isEqualTo("GHOSTED");
        assertThat(detail.get("outcomeOn").asString()).isEqualTo("2026-02-24");
        assertThat(api().get("/api/me/attempts?status=GHOSTED", tokens().tokenFor(REX)).body().get("items"))
                .hasSize(1);
        assertThat(api().get("/api/me/stats", tokens().tokenFor(REX)).body().get("ghosted").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT ghosted_automatically AND ghosted_on = DATE '2026-02-24' AND follow_up_on = DATE '2026-02-13'
                       AND ghosted_after = DATE '2026-02-23' AND reminder_due_on IS NULL
                FROM attempt_board WHERE attempt_id = :id
                """).param("id", GHOSTED).query(Boolean.class).single()).isTrue();
    }

    @Test
    void settingsAreTheDefaultsUntilChangedAndAChangeKeepsWhatItDoesNotMention() {
        JsonNode defaults = api().get("/api/me/settings", tokens().tokenFor(REX)).body();
        assertThat(defaults.get("ghostingDays").propertyNames()).hasSize(13);
        assertThat(defaults.get("followUpDays").propertyNames()).hasSize(13);
        assertWindows(defaults.get("ghostingDays"), 30, 30, 60, 60, 14, 14, 30);
        assertWindows(defaults.get("followUpDays"), 7, 7, 21, 21, 3, 3, 7);

        JsonNode changed = api().get("/api/me/settings", tokens().tokenFor(SUE)).body();
        assertWindows(changed.get("ghostingDays"), 30, 45, 90, 60, 14, 14, 30);
        assertWindows(changed.get("followUpDays"), 7, 10, 21, 21, 3, 3, 7);
    }

    /** JOB, PITCH, GRANT, ADMISSION, DATING, SOCIAL, OTHER. */
    private static void assertWindows(JsonNode days, int job, int pitch, int grant, int admission, int dating,
            int social, int other) {
        assertThat(days.get("JOB").asInt()).isEqualTo(job);
        assertThat(days.get("PITCH").asInt()).isEqualTo(pitch);
        assertThat(days.get("GRANT").asInt()).isEqualTo(grant);
        assertThat(days.get("ADMISSION").asInt()).isEqualTo(admission);
        assertThat(days.get("DATING").asInt()).isEqualTo(dating);
        assertThat(days.get("SOCIAL").asInt()).isEqualTo(social);
        assertThat(days.get("OTHER").asInt()).isEqualTo(other);
    }

    /** Logs an attempt with its deadlines (ghosted ten days after the follow-up), then its follow-up falls due. */
    private void due(UUID attemptId, Category category, String target, String sentOn, String dueOn) {
        String title = (category == Category.PITCH ? "Pitch" : "Note") + " to " + target;
        publish(new AttemptLogged(attemptId, REX, category, target, title, null, date(sentOn), null), sentOn);
        publish(new ResponseDeadlinesSet(attemptId, REX, date(dueOn), date(dueOn).plusDays(10)), sentOn);
        publish(new FollowUpDue(attemptId, REX, date(dueOn)), dueOn);
    }

    private void publish(SeekerEvent event, String on) {
        published.add(events().publish(event, Instant.parse(on + "T08:00:00Z")));
    }

    private static LocalDate date(String date) {
        return LocalDate.parse(date);
    }
}
