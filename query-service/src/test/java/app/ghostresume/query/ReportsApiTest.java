package app.ghostresume.query;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptCorrected;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.events.ChallengeCreated;
import app.ghostresume.events.ChallengeGoal;
import app.ghostresume.events.ChallengeJoined;
import app.ghostresume.events.ChallengeLeft;
import app.ghostresume.events.ChallengeVisibility;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.events.GoalPeriod;
import app.ghostresume.events.GoalSet;
import app.ghostresume.events.Personal;
import app.ghostresume.events.ReflectionRecorded;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.RejectionShared;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.events.ShareAudience;
import app.ghostresume.events.SupportKind;
import app.ghostresume.events.SupportOffered;
import app.ghostresume.query.support.Api.Download;
import app.ghostresume.query.support.Api.Response;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reports replayed from the journal, through the API. Wren's November of NO: aiming for 3 pitch rejections a week
 * and 12 in the month from Monday 3 November, Wren gets 2, 3, 1 and 1 rejections in weeks 1 to 4 and 3
 * acceptances; one more pitch, sent on 20 November, is turned down on 3 December. Wren, Mae, Kai and Leo form the
 * November of NO challenge (invite only, 3 pitch rejections a week): Leo leaves in week 2, Kai only in January,
 * after its end. Mae shares a rejection with the group, and Wren and Kai support it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsApiTest extends QueryServiceIntegrationTest {

    private static final UUID WREN = UUID.randomUUID();
    private static final UUID MAE = UUID.randomUUID();
    private static final UUID KAI = UUID.randomUUID();
    private static final UUID LEO = UUID.randomUUID();
    private static final UUID STRANGER = UUID.randomUUID();
    private static final UUID CHALLENGE = UUID.randomUUID();
    private static final UUID MAES_SHARE = UUID.randomUUID();
    private static final UUID OPEN = UUID.randomUUID();

    /** What the seekers wrote for themselves alone: no report others see, and no card, may hold any of it. */
    private static final List<String> PRIVATE = List.of("Secret Quarterly", "Mae's Target", "Pitch title",
            "a private note", "private feedback", "a private lesson", "Kai's Target");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonNode pageBeforeKaiLeft;

    @BeforeAll
    void tellTheStory() {
        List<EventEnvelope> published = new ArrayList<>();
        for (UUID seeker : List.of(WREN, MAE, KAI, LEO, STRANGER)) {
            String handle = seeker == WREN ? "wren" : seeker == MAE ? "mae" : seeker == KAI ? "kai"
                    : seeker == LEO ? "leo" : "stranger";
            published.add(publishAt(new SeekerRegistered(seeker, handle, handle.toUpperCase(), ZoneId.of("UTC")),
                    "2025-10-01T09:00:00Z"));
        }
        published.add(publishAt(new GoalSet(UUID.randomUUID(), WREN, GoalMetric.REJECTIONS, Category.PITCH, 3,
                GoalPeriod.WEEK, date("2025-11-03"), date("2025-11-30")), "2025-11-02T09:00:00Z"));
        published.add(publishAt(new GoalSet(UUID.randomUUID(), WREN, GoalMetric.REJECTIONS, Category.PITCH, 12,
                GoalPeriod.CUSTOM, date("2025-11-03"), date("2025-11-30")), "2025-11-02T09:05:00Z"));
        published.add(publishAt(new ChallengeCreated(CHALLENGE, WREN, "November of NO", "Collect them",
                date("2025-11-03"), date("2025-11-30"), new ChallengeGoal(GoalMetric.REJECTIONS, Category.PITCH, 3,
                        ChallengeGoal.Per.WEEK), ChallengeVisibility.INVITE, "NO-2025", date("2025-11-01")),
                "2025-11-01T09:00:00Z"));
        for (UUID member : List.of(WREN, MAE, KAI, LEO)) {
            published.add(publishAt(new ChallengeJoined(CHALLENGE, member, date("2025-11-02")),
                    "2025-11-02T10:00:00Z"));
        }
        published.add(publishAt(new ChallengeLeft(CHALLENGE, LEO, date("2025-11-12")), "2025-11-12T10:00:00Z"));

        String[] rejectedOn = { "2025-11-04", "2025-11-06", "2025-11-10", "2025-11-12", "2025-11-14", "2025-11-19",
                "2025-11-26" };
        for (int i = 0; i < rejectedOn.length; i++) {
            UUID attempt = attempt(published, WREN, "Outlet " + i, "2025-11-03");
            published.add(publishAt(new RejectionReceived(attempt, WREN, date(rejectedOn[i]), null,
                    "private feedback", 3), rejectedOn[i] + "T18:00:00Z"));
            if (i == 0) {
                published.add(publishAt(new ReflectionRecorded(attempt, WREN, UUID.randomUUID(), "A form no",
                        "a private lesson", null, Personal.NO, date("2025-11-05")), "2025-11-05T08:00:00Z"));
            }
        }
        for (String day : List.of("2025-11-07", "2025-11-18", "2025-11-28")) {
            UUID attempt = attempt(published, WREN, "Outlet " + day, "2025-11-03");
            published.add(publishAt(new AcceptanceReceived(attempt, WREN, date(day), null), day + "T18:00:00Z"));
        }
        UUID late = attempt(published, WREN, "Secret Quarterly", "2025-11-20");
        published.add(publishAt(new RejectionReceived(late, WREN, date("2025-12-03"), null, null, 1),
                "2025-12-03T09:00:00Z"));

        for (String day : List.of("2025-11-05", "2025-11-06", "2025-11-07", "2025-11-20")) {
            UUID attempt = attempt(published, MAE, "Mae's Target", "2025-11-04");
            published.add(publishAt(new RejectionReceived(attempt, MAE, date(day), null, null, 4),
                    day + "T18:00:00Z"));
        }
        // logged as sent in October, then corrected to a day inside the window: it counts there, on page and report
        UUID moved = attempt(published, MAE, "Mae's Target", "2025-10-20");
        published.add(publishAt(new AttemptCorrected(moved, MAE, null, null, null, null, date("2025-11-10"), null),
                "2025-11-10T09:00:00Z"));
        UUID kais = attempt(published, KAI, "Kai's Target", "2025-11-05");
        published.add(publishAt(new RejectionReceived(kais, KAI, date("2025-11-06"), null, null, 2),
                "2025-11-06T18:00:00Z"));
        UUID leos = attempt(published, LEO, "Leo's Target", "2025-11-05");
        published.add(publishAt(new RejectionReceived(leos, LEO, date("2025-11-06"), null, null, 2),
                "2025-11-06T18:00:00Z"));

        published.add(publishAt(new RejectionShared(MAES_SHARE, MAE, null, AttemptStatus.REJECTED, Category.PITCH,
                null, 4, date("2025-11-07"), date("2025-11-08"), "Three nos in three days", false,
                ShareAudience.CHALLENGE, CHALLENGE), "2025-11-08T09:00:00Z"));
        published.add(publishAt(new SupportOffered(MAES_SHARE, WREN, SupportKind.ME_TOO, null, date("2025-11-08")),
                "2025-11-08T10:00:00Z"));
        published.add(publishAt(new SupportOffered(MAES_SHARE, KAI, SupportKind.HUG, null, date("2025-11-09")),
                "2025-11-09T10:00:00Z"));
        // a public challenge: anyone may read its page and report, its feed is its members' alone
        published.add(publishAt(new ChallengeCreated(OPEN, MAE, "Open pitches", null, date("2025-11-03"),
                date("2025-11-30"), new ChallengeGoal(GoalMetric.ATTEMPTS, null, 1, ChallengeGoal.Per.TOTAL),
                ChallengeVisibility.PUBLIC, null, date("2025-11-01")), "2025-11-01T09:00:00Z"));
        for (UUID member : List.of(MAE, WREN, KAI)) {
            published.add(publishAt(new ChallengeJoined(OPEN, member, date("2025-11-02")), "2025-11-02T11:00:00Z"));
        }
        UUID openShare = UUID.randomUUID();
        published.add(publishAt(new RejectionShared(openShare, MAE, null, AttemptStatus.REJECTED, Category.PITCH,
                null, 4, date("2025-11-07"), date("2025-11-08"), "A story for the members", false,
                ShareAudience.CHALLENGE, OPEN), "2025-11-08T09:30:00Z"));
        awaitAll(published);
    }

    @Test
    @Order(1)
    void theNovemberOfNoNumbersReplayed() {
        JsonNode november = report(WREN, "2025-11", "").get("current");
        assertThat(november.get("totals").get("rejections").asLong()).isEqualTo(7);
        assertThat(november.get("totals").get("acceptances").asLong()).isEqualTo(3);
        assertThat(november.get("totals").get("attempts").asLong()).isEqualTo(11);
        assertThat(november.get("rejectionsPerAcceptance").asDouble()).isCloseTo(2.33, within(0.005));
        JsonNode weekly = november.get("goals").get(0);
        assertThat(weekly.get("period").asString()).isEqualTo("WEEK");
        assertThat(weekly.get("periods")).hasSize(4);
        assertThat(weekly.get("periodsMet").asInt()).isEqualTo(1);
        JsonNode custom = november.get("goals").get(1);
        assertThat(custom.get("periods")).singleElement().satisfies(period -> {
            assertThat(period.get("count").asLong()).isEqualTo(7);
            assertThat(period.get("target").asInt()).isEqualTo(12);
            assertThat(period.get("status").asString()).isEqualTo("MISSED");
        });
        JsonNode report = report(WREN, "2025-11", "");
        assertThat(report.get("reflections")).singleElement()
                .satisfies(reflection -> assertThat(reflection.get("whatILearned").asString())
                        .isEqualTo("a private lesson"));
        assertThat(report.get("previous").get("period").get("name").asString()).isEqualTo("2025-10");
        assertThat(report.get("chapters")).hasSize(3);
    }

    @Test
    @Order(1)
    void aLateReplyIsWaitingAsKnownAtTheMonthsEndAndRejectedAsKnownNow() {
        JsonNode then = report(WREN, "2025-11", "?asOf=2025-11-30T23:59:59Z").get("current");
        assertThat(then.get("ofAttemptsSent").get("waiting").asLong()).isEqualTo(1);
        assertThat(then.get("ofAttemptsSent").get("rejected").asLong()).isEqualTo(7);
        JsonNode now = report(WREN, "2025-11", "").get("current");
        assertThat(now.get("ofAttemptsSent").get("waiting").asLong()).isZero();
        assertThat(now.get("ofAttemptsSent").get("rejected").asLong()).isEqualTo(8);

        String csvThen = download(WREN, "/api/me/reports/2025-11?asOf=2025-11-30T23:59:59Z", "text/csv").text();
        assertThat(csvThen.lines().filter(line -> line.contains("Secret Quarterly")))
                .singleElement().satisfies(line -> assertThat(line).startsWith("SENT,2025-11-20,PITCH,")
                        .contains(",WAITING,"));
        String csvNow = download(WREN, "/api/me/reports/2025-11", "text/csv").text();
        assertThat(csvNow.lines().filter(line -> line.contains("Secret Quarterly")))
                .singleElement().satisfies(line -> assertThat(line).contains(",REJECTED,2025-12-03,13,1"));
        // one row per attempt sent and outcome come in November: 11 sent, 7 rejected, 3 accepted
        assertThat(csvNow.lines()).hasSize(1 + 11 + 7 + 3);
        assertThat(csvNow.lines().findFirst()).contains(
                "fact,day,category,target,title,sent_on,status,outcome_on,days_to_response,sting");
    }

    @Test
    @Order(1)
    void theChallengeReportIsItsPageOnTheLastDayOfItsWindow() {
        pageBeforeKaiLeft = challengePage();
        JsonNode report = challengeReport(WREN, "");
        assertThat(report.get("members")).isEqualTo(pageBeforeKaiLeft.get("members"));
        assertThat(report.get("leaderboard")).isEqualTo(pageBeforeKaiLeft.get("leaderboard"));
        assertThat(report.get("members")).extracting(member -> member.get("handle").asString())
                .containsExactly("kai", "mae", "wren");
        assertThat(report.get("group").toString()).isEqualTo("{\"members\":3,\"attempts\":17,\"rejections\":12,"
                + "\"acceptances\":3,\"membersMetGoal\":0}");
        assertThat(report.get("ended").asBoolean()).isTrue();
        assertThat(report.get("mostSupported")).singleElement().satisfies(share -> {
            assertThat(share.get("story").asString()).isEqualTo("Three nos in three days");
            assertThat(share.get("support").asLong()).isEqualTo(2);
            assertThat(share.get("authorHandle").asString()).isEqualTo("mae");
            assertThat(share.get("sharedWeek").asString()).isEqualTo("2025-11-03");
        });
    }

    @Test
    @Order(2)
    void aMemberWhoLeftAfterTheEndStaysInTheReportThoughThePageDropsThem() {
        awaitAll(List.of(publishAt(new ChallengeLeft(CHALLENGE, KAI, date("2026-01-10")), "2026-01-10T10:00:00Z")));
        assertThat(challengePage().get("members")).extracting(member -> member.get("handle").asString())
                .containsExactly("mae", "wren");
        JsonNode report = challengeReport(WREN, "");
        assertThat(report.get("members")).isEqualTo(pageBeforeKaiLeft.get("members"));
        assertThat(report.get("leaderboard")).isEqualTo(pageBeforeKaiLeft.get("leaderboard"));
        // as known before the challenge began, the table is empty of counts
        JsonNode early = challengeReport(WREN, "?asOf=2025-11-02T12:00:00Z");
        assertThat(early.get("group").get("rejections").asLong()).isZero();
        assertThat(early.get("ended").asBoolean()).isFalse();
    }

    @Test
    @Order(1)
    void eachFormatHasItsContentType() throws IOException {
        Response json = api().get("/api/me/reports/2025-11", tokens().tokenFor(WREN));
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(download(WREN, "/api/me/reports/2025-11", "text/csv").header("Content-Type"))
                .startsWith("text/csv");
        Download html = download(WREN, "/api/me/reports/2025-11", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.text()).contains("<svg", "Week by week", "2025-W45").doesNotContain("<script");
        Download png = download(WREN, "/api/me/reports/2025-11", "image/png");
        assertThat(png.header("Content-Type")).isEqualTo("image/png");
        BufferedImage card = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(card.getWidth()).isEqualTo(1200);
        assertThat(card.getHeight()).isEqualTo(630);
        // an image tag cannot choose, so the format may be named instead
        assertThat(download(WREN, "/api/me/reports/2025-11?format=png", "image/webp,*/*").header("Content-Type"))
                .isEqualTo("image/png");
        assertThat(download(WREN, "/api/me/reports/2025", "*/*").header("Content-Type"))
                .startsWith("application/json");
        assertThat(download(WREN, "/api/challenges/" + CHALLENGE + "/report", "text/html").text())
                .contains("November of NO", "<svg");
    }

    @Test
    @Order(1)
    void aFormatNotOfferedIsA406Problem() {
        for (String path : List.of("/api/me/reports/2025-11", "/api/challenges/" + CHALLENGE + "/report")) {
            Download refused = download(WREN, path, "application/xml");
            assertThat(refused.status()).as(path).isEqualTo(406);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(JSON.readTree(refused.text()).get("status").asInt()).isEqualTo(406);
        }
        assertThat(download(WREN, "/api/challenges/" + CHALLENGE + "/report", "image/png").status()).isEqualTo(406);
        // what it offers, it picks from a list that also names what it does not
        assertThat(download(WREN, "/api/challenges/" + CHALLENGE + "/report", "text/csv, text/html;q=0.9")
                .header("Content-Type")).startsWith("text/html");
        assertThat(download(WREN, "/api/me/reports/2025-11?format=pdf", "*/*").status()).isEqualTo(406);
    }

    @Test
    @Order(1)
    void badPeriodsAndInstantsAre400Problems() {
        for (String path : List.of("/api/me/reports/2025-13", "/api/me/reports/november",
                "/api/me/reports/2025-11?asOf=yesterday", "/api/me/reports/2025-W54",
                "/api/me/reports/2025-11?asOf=-5000-01-01T00:00:00Z")) {
            Response response = api().get(path, tokens().tokenFor(WREN));
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        Response nothingYet = api().get("/api/me/reports/2025-11?asOf=2024-01-01T00:00:00Z", tokens().tokenFor(WREN));
        assertThat(nothingYet.status()).isEqualTo(404);
    }

    @Test
    @Order(1)
    void anotherSeekersInviteOnlyChallengeReportIsNotFoundAsItsPageIs() {
        for (String path : List.of("/api/challenges/" + CHALLENGE, "/api/challenges/" + CHALLENGE + "/report")) {
            Response response = api().get(path, tokens().tokenFor(STRANGER));
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        // Leo left in week 2: neither the page nor the report is his any more
        assertThat(api().get("/api/challenges/" + CHALLENGE + "/report", tokens().tokenFor(LEO)).status())
                .isEqualTo(404);
    }

    @Test
    @Order(1)
    void aPublicChallengesReportShowsItsFeedToItsMembersAlone() {
        Response stranger = api().get("/api/challenges/" + OPEN + "/report", tokens().tokenFor(STRANGER));
        assertThat(stranger.status()).as(stranger.toString()).isEqualTo(200);
        assertThat(stranger.body().get("members")).hasSize(3);
        assertThat(stranger.body().get("mostSupported")).isEmpty();
        assertThat(stranger.body().toString()).doesNotContain("A story for the members");
        Response member = api().get("/api/challenges/" + OPEN + "/report", tokens().tokenFor(WREN));
        assertThat(member.body().get("mostSupported")).singleElement()
                .satisfies(share -> assertThat(share.get("story").asString()).isEqualTo("A story for the members"));
    }

    @Test
    @Order(1)
    void noPrivateTextReachesTheCardOrTheGroupsReport() {
        List<byte[]> shared = List.of(download(WREN, "/api/me/reports/2025-11", "image/png").body(),
                download(WREN, "/api/me/reports/2025", "image/png").body(),
                download(MAE, "/api/challenges/" + CHALLENGE + "/report", "application/json").body(),
                download(MAE, "/api/challenges/" + CHALLENGE + "/report", "text/html").body());
        for (byte[] bytes : shared) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            for (String secret : PRIVATE) {
                assertThat(text).doesNotContain(secret).doesNotContain(secret.replace("'", "&#39;"));
            }
            assertThat(text).doesNotContain(WREN.toString(), MAE.toString(), KAI.toString());
        }
        // the seeker's own report does hold them: the scan above is one that can find them
        String own = download(WREN, "/api/me/reports/2025-11", "text/html").text();
        assertThat(own).contains("a private lesson");
        assertThat(download(WREN, "/api/me/reports/2025-11", "text/csv").text()).contains("Secret Quarterly");
    }

    // --- helpers

    private UUID attempt(List<EventEnvelope> published, UUID seeker, String target, String sentOn) {
        UUID attempt = UUID.randomUUID();
        published.add(publishAt(new AttemptLogged(attempt, seeker, Category.PITCH, target, "Pitch title",
                "a private note", date(sentOn), null), sentOn + "T09:00:00Z"));
        return attempt;
    }

    private JsonNode report(UUID seeker, String period, String query) {
        Response response = api().get("/api/me/reports/" + period + query, tokens().tokenFor(seeker));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private JsonNode challengePage() {
        Response response = api().get("/api/challenges/" + CHALLENGE, tokens().tokenFor(WREN));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private JsonNode challengeReport(UUID reader, String query) {
        Response response = api().get("/api/challenges/" + CHALLENGE + "/report" + query, tokens().tokenFor(reader));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private Download download(UUID seeker, String path, String accept) {
        Download download = api().download(path, tokens().tokenFor(seeker), Map.of("Accept", accept));
        return download;
    }

    private static LocalDate date(String date) {
        return LocalDate.parse(date);
    }
}
