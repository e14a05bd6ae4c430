package app.ghostresume.query;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptGhosted;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptWithdrawn;
import app.ghostresume.events.Category;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.ProfileChanged;
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
 * The ghost résumé's seed stories. Uma was turned down by the University of Southern California and admitted a
 * year later: one rejection behind that acceptance. Jo has five JOB rejections (the last on the very day of the
 * acceptance, which still counts behind it), then a JOB acceptance, and two PITCH rejections still waiting for
 * theirs; a withdrawn and a waiting attempt count nowhere. Kit has a ghosting, a rejection and two acceptances in
 * GRANT, with a ghosting after the last one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GhostResumeApiTest extends QueryServiceIntegrationTest {

    private static final UUID UMA = UUID.randomUUID();
    private static final UUID JO = UUID.randomUUID();
    private static final UUID KIT = UUID.randomUUID();
    private static final UUID NED = UUID.randomUUID();

    private final List<UUID> joRejections = new ArrayList<>();
    private UUID umaRejection;
    private UUID umaAcceptance;
    private UUID joAcceptance;

    @BeforeAll
    void publishHistories() {
        List<EventEnvelope> published = new ArrayList<>();
        published.add(publishAt(new SeekerRegistered(UMA, "uma", "Uma", ZoneId.of("UTC")), "2024-10-01T09:00:00Z"));
        published.add(publishAt(new SeekerRegistered(JO, "Jo_Seeker", "Jo", ZoneId.of("UTC")), "2025-10-01T09:00:00Z"));
        published.add(publishAt(new SeekerRegistered(KIT, "kit", "Kit", ZoneId.of("UTC")), "2025-10-01T09:00:00Z"));
        published.add(publishAt(new SeekerRegistered(NED, "ned", "Ned", ZoneId.of("UTC")), "2025-10-01T09:00:00Z"));

        umaRejection = attempt(published, UMA, Category.ADMISSION, "University of Southern California", "2024-11-01",
                'R', "2025-03-15");
        umaAcceptance = attempt(published, UMA, Category.ADMISSION, "University of Southern California",
                "2025-11-01", 'A', "2026-03-10");

        for (int i = 0; i < 4; i++) {
            joRejections.add(attempt(published, JO, Category.JOB, "Company " + i, "2026-01-0" + (i + 1), 'R',
                    "2026-01-1" + i));
        }
        joAcceptance = attempt(published, JO, Category.JOB, "Initech", "2026-01-03", 'A', "2026-02-01");
        // sent later than the accepted one, answered the same day: a rejection still comes before an acceptance
        joRejections.add(attempt(published, JO, Category.JOB, "Globex", "2026-01-20", 'R', "2026-02-01"));
        attempt(published, JO, Category.JOB, "Umbrella", "2026-01-05", 'W', "2026-01-06");
        attempt(published, JO, Category.JOB, "Hooli", "2026-03-01", ' ', null);
        attempt(published, JO, Category.PITCH, "The Atlantic", "2026-02-02", 'R', "2026-02-10");
        attempt(published, JO, Category.PITCH, "Harper's", "2026-02-03", 'R', "2026-02-12");

        attempt(published, KIT, Category.GRANT, "Arts Council", "2025-01-01", 'G', "2025-03-01");
        attempt(published, KIT, Category.GRANT, "Arts Council", "2025-02-01", 'R', "2025-03-05");
        attempt(published, KIT, Category.GRANT, "Foundation", "2025-02-01", 'A', "2025-04-01");
        attempt(published, KIT, Category.GRANT, "Trust", "2025-04-01", 'A', "2025-06-01");
        attempt(published, KIT, Category.GRANT, "Trust", "2025-07-01", 'G', "2025-09-01");

        published.add(publishAt(new ProfileChanged(JO, true), "2026-03-01T09:00:00Z"));
        published.add(publishAt(new ProfileChanged(UMA, true), "2026-03-01T09:00:00Z"));
        published.add(publishAt(new ProfileChanged(UMA, false), "2026-03-02T09:00:00Z"));
        awaitAll(published);
    }

    @Test
    void aRejectionAYearBeforeTheAdmissionStandsBehindIt() {
        JsonNode resume = own(UMA);
        assertThat(resume.get("chapters")).hasSize(1);
        JsonNode chapter = resume.get("chapters").get(0);
        assertThat(chapter.get("category").asString()).isEqualTo("ADMISSION");
        assertThat(chapter.get("acceptance").toString()).isEqualTo("{\"attemptId\":\"" + umaAcceptance
                + "\",\"target\":\"University of Southern California\",\"title\":\"Title\",\"acceptedOn\":\"2026-03-10\"}");
        assertThat(chapter.get("rejections").asLong()).isEqualTo(1);
        assertThat(chapter.get("ghostings").asLong()).isEqualTo(0);
        assertThat(chapter.get("firstOn").asString()).isEqualTo("2025-03-15");
        assertThat(chapter.get("lastOn").asString()).isEqualTo("2025-03-15");
        assertThat(chapter.get("attempts")).hasSize(1);
        assertThat(chapter.get("attempts").get(0).toString()).isEqualTo("{\"attemptId\":\"" + umaRejection
                + "\",\"target\":\"University of Southern California\",\"title\":\"Title\",\"status\":\"REJECTED\","
                + "\"decidedOn\":\"2025-03-15\"}");
        assertThat(resume.get("rejectionsPerAcceptance").asDouble()).isEqualTo(1.0);
        assertThat(resume.get("totals").toString()).isEqualTo("{\"acceptances\":1,\"rejections\":1,\"ghostings\":0}");
        assertThat(resume.get("categories")).hasSize(1);
        assertThat(resume.get("categories").get(0).get("openChapter").isNull()).isTrue();
    }

    @Test
    void fiveRejectionsBehindTheJobAndTwoPitchRejectionsStillOpen() {
        JsonNode resume = own(JO);
        assertThat(resume.get("chapters")).hasSize(1);
        JsonNode chapter = resume.get("chapters").get(0);
        assertThat(chapter.get("category").asString()).isEqualTo("JOB");
        assertThat(chapter.get("acceptance").get("attemptId").asString()).isEqualTo(joAcceptance.toString());
        assertThat(chapter.get("acceptance").get("acceptedOn").asString()).isEqualTo("2026-02-01");
        assertThat(chapter.get("rejections").asLong()).isEqualTo(5);
        assertThat(chapter.get("ghostings").asLong()).isEqualTo(0);
        assertThat(chapter.get("firstOn").asString()).isEqualTo("2026-01-10");
        assertThat(chapter.get("lastOn").asString()).isEqualTo("2026-02-01");
        List<String> ids = new ArrayList<>();
        chapter.get("attempts").forEach(attempt -> ids.add(attempt.get("attemptId").asString()));
        assertThat(ids).containsExactlyElementsOf(joRejections.stream().map(UUID::toString).toList());

        JsonNode categories = resume.get("categories");
        assertThat(categories).hasSize(2);
        JsonNode job = categories.get(0);
        assertThat(job.get("category").asString()).isEqualTo("JOB");
        assertThat(job.get("acceptances").asLong()).isEqualTo(1);
        assertThat(job.get("rejections").asLong()).isEqualTo(5);
        assertThat(job.get("rejectionsPerAcceptance").asDouble()).isEqualTo(5.0);
        assertThat(job.get("openChapter").isNull()).isTrue();
        JsonNode pitch = categories.get(1);
        assertThat(pitch.get("category").asString()).isEqualTo("PITCH");
        assertThat(pitch.get("acceptances").asLong()).isEqualTo(0);
        assertThat(pitch.get("rejectionsPerAcceptance").isNull()).isTrue();
        JsonNode open = pitch.get("openChapter");
        assertThat(open.get("category").asString()).isEqualTo("PITCH");
        assertThat(open.get("rejections").asLong()).isEqualTo(2);
        assertThat(open.get("firstOn").asString()).isEqualTo("2026-02-10");
        assertThat(open.get("lastOn").asString()).isEqualTo("2026-02-12");
        assertThat(open.get("attempts").get(1).get("target").asString()).isEqualTo("Harper's");
        assertThat(resume.get("totals").toString()).isEqualTo("{\"acceptances\":1,\"rejections\":7,\"ghostings\":0}");
        assertThat(resume.get("rejectionsPerAcceptance").asDouble()).isEqualTo(7.0);
        assertThat(resume.toString()).doesNotContain("Umbrella", "Hooli");
    }

    @Test
    void eachAcceptanceClosesTheChapterSinceThePreviousOne() {
        JsonNode resume = own(KIT);
        JsonNode chapters = resume.get("chapters");
        assertThat(chapters).hasSize(2);
        assertThat(chapters.get(0).get("acceptance").get("target").asString()).isEqualTo("Foundation");
        assertThat(chapters.get(0).get("rejections").asLong()).isEqualTo(1);
        assertThat(chapters.get(0).get("ghostings").asLong()).isEqualTo(1);
        assertThat(chapters.get(0).get("firstOn").asString()).isEqualTo("2025-03-01");
        assertThat(chapters.get(1).get("acceptance").get("target").asString()).isEqualTo("Trust");
        assertThat(chapters.get(1).get("rejections").asLong()).isEqualTo(0);
        assertThat(chapters.get(1).get("firstOn").isNull()).isTrue();
        assertThat(chapters.get(1).get("lastOn").isNull()).isTrue();
        assertThat(chapters.get(1).get("attempts")).isEmpty();
        JsonNode grant = resume.get("categories").get(0);
        assertThat(grant.get("rejectionsPerAcceptance").asDouble()).isEqualTo(0.5);
        assertThat(grant.get("openChapter").get("ghostings").asLong()).isEqualTo(1);
        assertThat(grant.get("openChapter").get("rejections").asLong()).isEqualTo(0);
    }

    @Test
    void aSeekerWithNothingDecidedHasAnEmptyGhostResume() {
        assertThat(own(NED).toString()).isEqualTo("{\"rejectionsPerAcceptance\":null,\"totals\":{\"acceptances\":0,"
                + "\"rejections\":0,\"ghostings\":0},\"categories\":[],\"chapters\":[]}");
    }

    @Test
    void aPublicGhostResumeShowsCountsAndCategoriesOnlyUnderAnySpellingOfTheHandle() {
        for (String handle : List.of("Jo_Seeker", "jo_seeker", "JO_SEEKER")) {
            Response response = api().get("/api/seekers/" + handle + "/ghost-resume", tokens().tokenFor(NED));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode resume = response.body();
            // the whole shape: no chapters, no open chapters, no dates, targets or titles
            assertThat(resume.toString()).isEqualTo("{\"handle\":\"Jo_Seeker\",\"displayName\":\"Jo\","
                    + "\"rejectionsPerAcceptance\":7.0,"
                    + "\"totals\":{\"acceptances\":1,\"rejections\":7,\"ghostings\":0},\"categories\":["
                    + "{\"category\":\"JOB\",\"acceptances\":1,\"rejections\":5,\"ghostings\":0,"
                    + "\"rejectionsPerAcceptance\":5.0},"
                    + "{\"category\":\"PITCH\",\"acceptances\":0,\"rejections\":2,\"ghostings\":0,"
                    + "\"rejectionsPerAcceptance\":null}]}");
            String json = resume.toString();
            assertThat(json).doesNotContain("chapter", "Chapter", "On\"", "attemptId", "target", "title",
                    "attempts", "Initech", "Atlantic", JO.toString());
            assertThat(json).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        }
    }

    @Test
    void aPrivateGhostResumeIsNotFoundLikeAnUnknownHandle() {
        String token = tokens().tokenFor(NED);
        for (String handle : List.of("uma", "kit", "nobody", "UMA")) {
            Response response = api().get("/api/seekers/" + handle + "/ghost-resume", token);
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().get("detail").asString())
                    .isEqualTo("No public ghost résumé for " + handle + ".");
        }
        // not even to themselves: their own is under /api/me
        assertThat(api().get("/api/seekers/uma/ghost-resume", tokens().tokenFor(UMA)).status()).isEqualTo(404);
        assertThat(api().get("/api/me/ghost-resume", null).status()).isEqualTo(401);
        assertThat(api().get("/api/seekers/uma/ghost-resume", null).status()).isEqualTo(404);
    }

    @Test
    void aPublicGhostResumeIsReadableWithoutSigningIn() {
        Response anonymous = api().get("/api/seekers/Jo_Seeker/ghost-resume", null);

        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(200);
        assertThat(anonymous.body()).isEqualTo(api().get("/api/seekers/Jo_Seeker/ghost-resume",
                tokens().tokenFor(NED)).body());
    }

    // --- helpers

    private JsonNode own(UUID seeker) {
        Response response = api().get("/api/me/ghost-resume", tokens().tokenFor(seeker));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    /** An attempt and its Rejection, Acceptance, Ghosting or Withdrawal (or none: ' '); returns its id. */
    private UUID attempt(List<EventEnvelope> published, UUID seeker, Category category, String target, String sentOn,
            char outcome, String outcomeOn) {
        UUID attempt = UUID.randomUUID();
        published.add(publishAt(new AttemptLogged(attempt, seeker, category, target, "Title", null,
                LocalDate.parse(sentOn), null), sentOn + "T09:00:00Z"));
        SeekerEvent answer = switch (outcome) {
            case 'R' -> new RejectionReceived(attempt, seeker, LocalDate.parse(outcomeOn), null, null, null);
            case 'A' -> new AcceptanceReceived(attempt, seeker, LocalDate.parse(outcomeOn), null);
            case 'G' -> new AttemptGhosted(attempt, seeker, LocalDate.parse(outcomeOn), false);
            case 'W' -> new AttemptWithdrawn(attempt, seeker, LocalDate.parse(outcomeOn), null);
            default -> null;
        };
        if (answer != null) {
            published.add(publishAt(answer, outcomeOn + "T10:00:00Z"));
        }
        return attempt;
    }
}
