package app.ghostresume.query;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.events.ChallengeCreated;
import app.ghostresume.events.ChallengeGoal;
import app.ghostresume.events.ChallengeJoined;
import app.ghostresume.events.ChallengeVisibility;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.events.GoalPeriod;
import app.ghostresume.events.GoalSet;
import app.ghostresume.events.GoalTargetChanged;
import app.ghostresume.events.PauseScheduled;
import app.ghostresume.events.Personal;
import app.ghostresume.events.ReflectionRecorded;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.RejectionShared;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.events.ShareAudience;
import app.ghostresume.events.SupportKind;
import app.ghostresume.events.SupportOffered;
import app.ghostresume.query.support.Api;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export holds everything about its seeker and nothing of anyone else's: Ada has two attempts (one rejected,
 * with a reflection; notes with a comma, quotes and a line break), a pause, a goal with a target change, a
 * challenge Zed created, and a share that Zed supported. Zed's own attempt, and who supported Ada, never appear.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportApiTest extends QueryServiceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID ADA = UUID.randomUUID();
    private static final UUID ZED = UUID.randomUUID();
    private static final UUID PITCH = UUID.randomUUID();
    private static final UUID JOB = UUID.randomUUID();
    private static final UUID ZEDS = UUID.randomUUID();
    private static final UUID GOAL = UUID.randomUUID();
    private static final UUID CHALLENGE = UUID.randomUUID();
    private static final UUID SHARE = UUID.randomUUID();
    private static final String NOTES = "Sent cold, \"no\" expected\nsecond line";

    private Map<String, byte[]> files;
    private Api.Download download;

    @BeforeAll
    void exportAda() throws IOException {
        List<EventEnvelope> published = new ArrayList<>();
        published.add(publishAt(new SeekerRegistered(ADA, "ada", "Ada L", ZoneId.of("Europe/Lisbon")),
                "2026-01-01T09:00:00Z"));
        published.add(publishAt(new SeekerRegistered(ZED, "zed", "Zed", ZoneId.of("UTC")), "2026-01-01T09:00:00Z"));
        published.add(publishAt(new AttemptLogged(PITCH, ADA, Category.PITCH, "The Atlantic", "Essay", NOTES,
                date("2026-01-05"), null), "2026-01-05T10:00:00Z"));
        published.add(publishAt(new RejectionReceived(PITCH, ADA, date("2026-01-20"), "editor", "not for us", 3),
                "2026-01-20T10:00:00Z"));
        published.add(publishAt(new ReflectionRecorded(PITCH, ADA, UUID.randomUUID(), "Form letter",
                "Lead with the story", null, Personal.NO, date("2026-01-21")), "2026-01-21T10:00:00Z"));
        published.add(publishAt(new AttemptLogged(JOB, ADA, Category.JOB, "Acme", "Engineer", null,
                date("2026-02-01"), date("2026-03-01")), "2026-02-01T10:00:00Z"));
        published.add(publishAt(new AttemptLogged(ZEDS, ZED, Category.JOB, "Zed's secret target", "Zed's title",
                null, date("2026-02-01"), null), "2026-02-01T10:00:00Z"));
        published.add(publishAt(new PauseScheduled(UUID.randomUUID(), ADA, date("2026-02-10"), date("2026-02-12"),
                "travel"), "2026-02-02T10:00:00Z"));
        published.add(publishAt(new GoalSet(GOAL, ADA, GoalMetric.REJECTIONS, Category.PITCH, 3, GoalPeriod.WEEK,
                date("2026-01-05"), null), "2026-01-05T10:00:00Z"));
        published.add(publishAt(new GoalTargetChanged(GOAL, ADA, 5, date("2026-01-12")), "2026-01-06T10:00:00Z"));
        published.add(publishAt(new ChallengeCreated(CHALLENGE, ZED, "November of NO", null, date("2026-01-01"),
                date("2026-01-31"), new ChallengeGoal(GoalMetric.REJECTIONS, null, 10, ChallengeGoal.Per.TOTAL),
                ChallengeVisibility.PUBLIC, null, date("2026-01-01")), "2026-01-01T10:00:00Z"));
        published.add(publishAt(new ChallengeJoined(CHALLENGE, ADA, date("2026-01-02")), "2026-01-02T10:00:00Z"));
        published.add(publishAt(new RejectionShared(SHARE, ADA, PITCH, AttemptStatus.REJECTED, Category.PITCH,
                "editor", 3, date("2026-01-20"), date("2026-01-22"), "My first no", true, ShareAudience.PUBLIC,
                null), "2026-01-22T10:00:00Z"));
        published.add(publishAt(new SupportOffered(SHARE, ZED, SupportKind.HUG, "Their loss", date("2026-01-23")),
                "2026-01-23T10:00:00Z"));
        awaitAll(published);

        download = api().download("/api/me/export", tokens().tokenFor(ADA));
        files = unzip(download.body());
    }

    @Test
    void isAZipNamedForItsSeekerWithEveryFile() {
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("application/zip");
        assertThat(download.header("Content-Disposition")).startsWith("attachment").contains("ghost-resume-ada-");
        assertThat(files.keySet()).containsExactly("account.json", "settings.json", "pauses.json", "attempts.json",
                "attempts.csv", "reflections.json", "goals.json", "challenges.json", "shares.json", "events.json",
                "README.txt");
    }

    @Test
    void holdsTheAccountAttemptsWithTheirHistoryGoalsPausesAndMemberships() {
        JsonNode account = json("account.json");
        assertThat(account.get("handle").asString()).isEqualTo("ada");
        assertThat(account.get("timeZone").asString()).isEqualTo("Europe/Lisbon");

        JsonNode attempts = json("attempts.json");
        assertThat(attempts).hasSize(2);
        JsonNode pitch = attempts.get(0);
        assertThat(pitch.get("target").asString()).isEqualTo("The Atlantic");
        assertThat(pitch.get("status").asString()).isEqualTo("REJECTED");
        assertThat(pitch.get("history")).extracting(event -> event.get("type").asString())
                .containsExactly("AttemptLogged", "RejectionReceived", "ReflectionRecorded");
        assertThat(pitch.get("history").get(1).get("details").get("feedback").asString()).isEqualTo("not for us");
        assertThat(pitch.get("reflections").get(0).get("whatILearned").asString()).isEqualTo("Lead with the story");

        assertThat(json("pauses.json").get(0).get("reason").asString()).isEqualTo("travel");
        JsonNode goal = json("goals.json").get(0);
        assertThat(goal.get("target").asInt()).isEqualTo(3);
        assertThat(goal.get("targetChanges").get(0).get("target").asInt()).isEqualTo(5);
        assertThat(goal.get("targetChanges").get(0).get("effectiveFrom").asString()).isEqualTo("2026-01-12");
        JsonNode membership = json("challenges.json").get(0);
        assertThat(membership.get("name").asString()).isEqualTo("November of NO");
        assertThat(membership.get("joinedOn").asString()).isEqualTo("2026-01-02");
        assertThat(membership.get("createdByMe").asBoolean()).isFalse();
    }

    @Test
    void theAttemptsCsvIsInTheImportFormatWithItsQuotingIntact() throws IOException {
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(files.get("attempts.csv"), StandardCharsets.UTF_8))).getRecords();

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("category", "target", "title",
                "sent on", "status", "outcome on", "stage", "expected response by", "notes");
        assertThat(rows.get(0).toMap()).containsEntry("target", "The Atlantic").containsEntry("status", "rejected")
                .containsEntry("sent on", "2026-01-05").containsEntry("outcome on", "2026-01-20")
                .containsEntry("notes", NOTES);
        assertThat(rows.get(1).toMap()).containsEntry("status", "waiting")
                .containsEntry("expected response by", "2026-03-01").containsEntry("outcome on", "");
    }

    @Test
    void aShareCarriesItsSupportButNeverWhoGaveIt() {
        JsonNode share = json("shares.json").get(0);
        assertThat(share.get("story").asString()).isEqualTo("My first no");
        assertThat(share.get("support").get(0).get("kind").asString()).isEqualTo("HUG");
        assertThat(share.get("support").get(0).get("message").asString()).isEqualTo("Their loss");
        assertThat(share.get("support").get(0).has("supporterId")).isFalse();
    }

    @Test
    void nothingOfAnyoneElseIsInIt() {
        String everything = String.join("\n", files.values().stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList());
        assertThat(everything).doesNotContain(ZED.toString()).doesNotContain(ZEDS.toString())
                .doesNotContain("Zed's secret target").doesNotContain("\"zed\"");
    }

    @Test
    void aSeekerTheReadModelsDoNotKnowGetsNoExport() {
        Api.Download unknown = api().download("/api/me/export", tokens().tokenFor(UUID.randomUUID()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    }

    private static LocalDate date(String date) {
        return LocalDate.parse(date);
    }

    private JsonNode json(String file) {
        return JSON.readTree(files.get(file));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
