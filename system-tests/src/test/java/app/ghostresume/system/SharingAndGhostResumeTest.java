package app.ghostresume.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import app.ghostresume.stack.testing.HttpApi.Answer;
import app.ghostresume.system.RunningSystem.Seeker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stories of the seed material, end to end over HTTP: the ghost résumé behind an acceptance, rejections shared
 * with and without a name and answered with support, and pooled statistics per target that only appear once
 * enough seekers stand behind them.
 */
class SharingAndGhostResumeTest {

    private static final RunningSystem system = RunningSystem.get();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final Map<String, String> lastTokens = new HashMap<>();

    @BeforeAll
    static void settled() {
        system.awaitConsumerGroupSettled(1);
    }

    @Test
    void aTransferAcceptanceStandsOnTheRejectionStraightOutOfSchool() {
        Seeker student = system.newSeeker("student", "America/Los_Angeles");
        LocalDate lastYear = TODAY.minusYears(1);
        String rejected = logged(student, "ADMISSION", "University of Southern California", "Freshman application",
                lastYear.minusMonths(4));
        answered(student, rejected, "/rejection", lastYear.minusMonths(1));
        String accepted = logged(student, "ADMISSION", "University of Southern California", "Transfer application",
                TODAY.minusMonths(4));
        answered(student, accepted, "/acceptance", TODAY.minusMonths(1));

        JsonNode resume = read(student, "/api/me/ghost-resume");

        assertThat(resume.get("chapters")).hasSize(1);
        JsonNode chapter = resume.get("chapters").get(0);
        assertThat(chapter.get("category").asString()).isEqualTo("ADMISSION");
        assertThat(chapter.get("acceptance").get("attemptId").asString()).isEqualTo(accepted);
        assertThat(chapter.get("rejections").asInt()).isEqualTo(1);
        assertThat(chapter.get("ghostings").asInt()).isZero();
        assertThat(chapter.get("firstOn").asString()).isEqualTo(lastYear.minusMonths(1).toString());
        assertThat(chapter.get("attempts")).hasSize(1);
        assertThat(chapter.get("attempts").get(0).get("attemptId").asString()).isEqualTo(rejected);
        assertThat(resume.get("rejectionsPerAcceptance").asDouble()).isEqualTo(1.0);
    }

    @Test
    void fiveNosThenAYesInJobsAndTwoOpenPitchRejectionsIsExactlyThatGhostResume() {
        Seeker seeker = system.newSeeker("hunter", "UTC");
        for (int i = 0; i < 5; i++) {
            String job = logged(seeker, "JOB", "Employer " + i, "Engineer", TODAY.minusDays(60 - i));
            answered(seeker, job, "/rejection", TODAY.minusDays(40 - i));
        }
        String offer = logged(seeker, "JOB", "Employer 5", "Engineer", TODAY.minusDays(30));
        answered(seeker, offer, "/acceptance", TODAY.minusDays(20));
        for (int i = 0; i < 2; i++) {
            String pitch = logged(seeker, "PITCH", "Outlet " + i, "Essay", TODAY.minusDays(15));
            answered(seeker, pitch, "/rejection", TODAY.minusDays(10 - i));
        }

        JsonNode resume = read(seeker, "/api/me/ghost-resume");

        assertThat(resume.get("chapters")).hasSize(1);
        JsonNode chapter = resume.get("chapters").get(0);
        assertThat(chapter.get("category").asString()).isEqualTo("JOB");
        assertThat(chapter.get("acceptance").get("attemptId").asString()).isEqualTo(offer);
        assertThat(chapter.get("rejections").asInt()).isEqualTo(5);
        assertThat(chapter.get("firstOn").asString()).isEqualTo(TODAY.minusDays(40).toString());
        assertThat(chapter.get("lastOn").asString()).isEqualTo(TODAY.minusDays(36).toString());
        List<String> open = new ArrayList<>();
        resume.get("categories").forEach(category -> {
            JsonNode openChapter = category.get("openChapter");
            if (!openChapter.isNull()) {
                open.add(openChapter.get("category").asString() + " " + openChapter.get("rejections").asInt() + "/"
                        + openChapter.get("ghostings").asInt());
            }
        });
        assertThat(open).containsExactly("PITCH 2/0");
        assertThat(resume.get("rejectionsPerAcceptance").asDouble()).isEqualTo(7.0);

        String publicPath = "/api/seekers/" + seeker.handle() + "/ghost-resume";
        assertThat(system.queries.get(publicPath).token(seeker.token()).send().status()).isEqualTo(404);
        Answer profile = system.commands.put("/api/me/profile", Map.of("publicGhostResume", true))
                .token(seeker.token()).send();
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        Seeker reader = system.newSeeker("reader", "UTC");
        Answer shown = awaitStatus(system.queries.get(publicPath).token(reader.token()), 200);
        // counts and categories only: no targets, titles, attempts, chapters or dates that could be matched
        // against an anonymous share
        assertThat(shown.text()).doesNotContain("Employer", "Outlet", "Engineer", "Essay", offer,
                TODAY.minusDays(20).toString(), TODAY.minusDays(40).toString(), TODAY.minusDays(36).toString());
        assertThat(shown.body().has("chapters")).isFalse();
        List<String> categories = new ArrayList<>();
        shown.body().get("categories").forEach(c -> categories.add(c.get("category").asString() + " "
                + c.get("rejections").asInt() + "/" + c.get("acceptances").asInt()));
        assertThat(categories).containsExactlyInAnyOrder("JOB 5/1", "PITCH 2/0");

        // the yes shared anonymously: its counts behind it (5 nos) would match the public "JOB 5/1", so nobody
        // but its author sees them
        String share = shared(seeker, offer, Map.of("story", "Finally", "anonymous", true, "audience", "PUBLIC"));
        JsonNode feed = eventually(reader, "/api/feed?limit=100", body -> item(body, share) != null);
        assertThat(item(feed, share).get("ghostResume").isNull()).as(item(feed, share).toString()).isTrue();
        assertThat(item(read(seeker, "/api/feed?limit=100"), share).get("ghostResume").get("rejections").asInt())
                .isEqualTo(5);
    }

    @Test
    void anAnonymousShareNeverRevealsItsAuthorAndVanishesWhenWithdrawnOrHidden() {
        Seeker author = system.newSeeker("quillon", "UTC");
        Seeker friend = system.newSeeker("friend", "UTC");
        String[] challengeAndCode = createdChallenge(author);
        String challenge = challengeAndCode[0];
        join(friend, challengeAndCode);
        // an anonymous challenge share shows to the members once there are three of them to hide its author among
        join(system.newSeeker("third", "UTC"), challengeAndCode);
        String first = rejectedAttempt(author, "The Paris Review", TODAY.minusDays(9));
        String second = rejectedAttempt(author, "Granta", TODAY.minusDays(8));
        String named = rejectedAttempt(author, "Tin House", TODAY.minusDays(7));
        String publicShare = shared(author, first, Map.of("story", "Form letter, again", "anonymous", true,
                "audience", "PUBLIC"));
        String groupShare = shared(author, second, Map.of("story", "Close, they said", "anonymous", true,
                "audience", "CHALLENGE", "challengeId", challenge));
        String namedShare = shared(author, named, Map.of("story", "Proud of this one", "anonymous", false,
                "audience", "PUBLIC"));
        Answer support = system.commands.post("/api/shares/" + publicShare + "/support",
                Map.of("kind", "ME_TOO", "message", "Same here")).token(friend.token()).send();
        assertThat(support.status()).as(support.toString()).isBetween(200, 201);
        lastTokens.put(friend.handle(), support.body().get("consistencyToken").asString());
        Answer groupSupport = system.commands.post("/api/shares/" + groupShare + "/support",
                Map.of("kind", "HUG")).token(friend.token()).send();
        assertThat(groupSupport.status()).as(groupSupport.toString()).isBetween(200, 201);
        lastTokens.put(friend.handle(), groupSupport.body().get("consistencyToken").asString());

        JsonNode feed = eventually(friend, "/api/feed?limit=100", body -> item(body, publicShare) != null
                && item(body, namedShare) != null && item(body, publicShare).get("support").get("ME_TOO").asInt() == 1);
        JsonNode groupFeed = eventually(friend, "/api/challenges/" + challenge + "/feed",
                body -> item(body, groupShare) != null);
        List<String> seen = new ArrayList<>(List.of(item(feed, publicShare).toString(),
                item(groupFeed, groupShare).toString(),
                read(friend, "/api/shares/" + publicShare).toString(),
                read(friend, "/api/shares/" + groupShare).toString(),
                read(friend, "/api/me/timeline?limit=100").toString(),
                support.text(), groupSupport.text()));
        for (String response : seen) {
            assertThat(response).doesNotContain(author.id().toString(), author.handle(), "quillon", first, second,
                    "Paris Review", "Granta");
        }
        assertThat(item(feed, publicShare).get("author").isNull()).isTrue();
        // the challenge's weekly table must not date it for the other members
        assertThat(item(groupFeed, groupShare).get("decidedWeek").isNull()).isTrue();
        assertThat(item(groupFeed, groupShare).get("sharedWeek").isNull()).isTrue();
        assertThat(item(feed, publicShare).get("supportedByMe").toString()).contains("ME_TOO");
        assertThat(item(feed, publicShare).get("mine").asBoolean()).isFalse();
        assertThat(item(feed, namedShare).get("author").get("handle").asString()).isEqualTo(author.handle());
        assertThat(read(friend, "/api/shares/" + publicShare).toString()).contains("Same here");
        assertThat(item(read(author, "/api/feed?limit=100"), publicShare).get("mine").asBoolean()).isTrue();

        Answer repeated = system.commands.post("/api/shares/" + publicShare + "/support",
                Map.of("kind", "ME_TOO", "message", "Again")).token(friend.token()).send();
        assertThat(repeated.status()).as(repeated.toString()).isEqualTo(200);
        assertThat(system.queries.get("/api/feed").token(friend.token())
                .header("Consistency-Token", repeated.body().get("consistencyToken").asString()).send().status())
                .as("a repeated support's token is met at once").isEqualTo(200);

        // shared anew after a withdrawal, anonymously this time: nothing links it to the named share
        assertThat(system.commands.delete("/api/shares/" + namedShare).token(author.token()).send().status())
                .isEqualTo(204);
        String reshared = shared(author, named, Map.of("story", "Proud of this one", "anonymous", true,
                "audience", "PUBLIC"));
        assertThat(reshared).isNotEqualTo(namedShare);
        JsonNode afterReshare = eventually(friend, "/api/feed?limit=100", body -> item(body, reshared) != null
                && item(body, namedShare) == null);
        assertThat(item(afterReshare, reshared).toString()).doesNotContain(author.handle(), "quillon", namedShare);

        Seeker stranger = system.newSeeker("stranger", "UTC");
        assertThat(system.queries.get("/api/challenges/" + challenge + "/feed").token(stranger.token()).send()
                .status()).isEqualTo(404);
        assertThat(system.queries.get("/api/shares/" + groupShare).token(stranger.token()).send().status())
                .isEqualTo(404);
        assertThat(system.commands.post("/api/shares/" + groupShare + "/support", Map.of("kind", "HUG"))
                .token(stranger.token()).send().status()).isEqualTo(404);
        assertThat(system.commands.post("/api/shares/" + publicShare + "/support", Map.of("kind", "HUG"))
                .token(author.token()).send().status()).isEqualTo(422);

        Answer withdrawn = system.commands.delete("/api/shares/" + groupShare).token(author.token()).send();
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(204);
        eventually(friend, "/api/challenges/" + challenge + "/feed", body -> item(body, groupShare) == null);
        assertThat(item(read(friend, "/api/challenges/" + challenge + "/feed"), groupShare)).isNull();
        assertThat(system.queries.get("/api/shares/" + groupShare).token(friend.token()).send().status())
                .isEqualTo(404);

        // three accounts made a moment ago cannot silence a share: their reports are recorded, but do not count
        for (int i = 0; i < 3; i++) {
            Seeker reporter = system.newSeeker("reporter", "UTC");
            Answer report = system.commands.post("/api/shares/" + publicShare + "/reports",
                    Map.of("reason", "spam " + i)).token(reporter.token()).send();
            assertThat(report.status()).as(report.toString()).isBetween(200, 202);
        }
        assertThat(system.commandSideCount("""
                SELECT count(*) FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%ShareReported'
                """, publicShare)).isEqualTo(3);
        assertThat(system.commandSideCount("""
                SELECT count(*) FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%ShareHidden'
                """, publicShare)).isZero();
        assertThat(system.commands.post("/api/shares/" + publicShare + "/support", Map.of("kind", "HUG"))
                .token(friend.token()).send().status()).isEqualTo(200);
        assertThat(item(read(friend, "/api/feed?limit=100"), publicShare)).isNotNull();
    }

    @Test
    void targetStatisticsAppearAtFiveSeekersNotFourWithHandComputedMedians() {
        String name = "Acme " + randomWord() + " Widgets";
        String key = name.toLowerCase().replace(' ', '-');
        // days to a response 3, 5, 8, 10, 20: median 8, 75th percentile 10 (linear interpolation)
        int[] days = {3, 5, 8, 10, 20};
        String[] spellings = {name + ", Inc.", name.toUpperCase(), "  " + name + "  ", "The " + name, name + " Ltd"};
        List<Seeker> seekers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Seeker seeker = system.newSeeker("applicant", "UTC");
            seekers.add(seeker);
            LocalDate sent = TODAY.minusDays(60);
            String attempt = logged(seeker, "JOB", spellings[i], "Role " + i, sent);
            if (i == 2) {
                Answer advanced = system.commands.post("/api/attempts/" + attempt + "/progress",
                        Map.of("stage", "interview", "on", sent.plusDays(1).toString())).token(seeker.token()).send();
                assertThat(advanced.status()).as(advanced.toString()).isEqualTo(200);
            }
            answered(seeker, attempt, i == 3 ? "/acceptance" : "/rejection", sent.plusDays(days[i]));
            if (i == 0) {
                String ghosted = logged(seeker, "JOB", name, "Another role", sent);
                answered(seeker, ghosted, "/ghosting", sent.plusDays(30));
                String withdrawn = logged(seeker, "JOB", name, "Withdrawn role", sent);
                Answer answer = system.commands.post("/api/attempts/" + withdrawn + "/withdrawal",
                        Map.of("on", sent.plusDays(2).toString())).token(seeker.token()).send();
                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                lastTokens.put(seeker.handle(), answer.body().get("consistencyToken").asString());
            }
            read(seeker, "/api/me/attempts");
            if (i == 3) {
                assertThat(system.queries.get("/api/targets/" + key).token(seeker.token()).send().status())
                        .as("four seekers are too few").isEqualTo(404);
                assertThat(read(seeker, "/api/targets?query=acme").toString()).doesNotContain(key);
            }
        }
        Seeker withdrawer = system.newSeeker("withdrawer", "UTC");
        String only = logged(withdrawer, "JOB", name, "Never mind", TODAY.minusDays(10));
        Answer withdrawal = system.commands.post("/api/attempts/" + only + "/withdrawal", Map.of())
                .token(withdrawer.token()).send();
        assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(200);
        lastTokens.put(withdrawer.handle(), withdrawal.body().get("consistencyToken").asString());
        read(withdrawer, "/api/me/attempts");

        JsonNode stats = read(seekers.get(4), "/api/targets/" + key);

        assertThat(stats.get("targetKey").asString()).isEqualTo(key);
        assertThat(stats.get("seekers").asInt()).isEqualTo(5);
        assertThat(stats.get("attempts").asInt()).isEqualTo(6);
        assertThat(stats.get("acceptanceRate").asDouble()).isCloseTo(1.0 / 6, within());
        assertThat(stats.get("rejectionRate").asDouble()).isCloseTo(4.0 / 6, within());
        assertThat(stats.get("ghostingRate").asDouble()).isCloseTo(1.0 / 6, within());
        assertThat(stats.get("medianDaysToResponse").asDouble()).isEqualTo(8.0);
        assertThat(stats.get("p75DaysToResponse").asDouble()).isEqualTo(10.0);
        assertThat(stats.get("laterStageRejectionShare").asDouble()).isEqualTo(0.25);
        assertThat(stats.toString()).doesNotContain("Role", "Inc.", "ACME", "Ltd");
        JsonNode search = read(seekers.get(0), "/api/targets?query=" + name.substring(0, 9).replace(" ", "%20"));
        assertThat(search.toString()).contains(key);
    }

    // --- steps

    private static String logged(Seeker seeker, String category, String target, String title, LocalDate sentOn) {
        Answer logged = system.commands.post("/api/attempts", Map.of("category", category, "target", target,
                "title", title, "sentOn", sentOn.toString())).token(seeker.token()).send();
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        lastTokens.put(seeker.handle(), logged.body().get("consistencyToken").asString());
        return logged.body().get("attemptId").asString();
    }

    private static void answered(Seeker seeker, String attempt, String outcome, LocalDate on) {
        String dateField = outcome.equals("/ghosting") ? "declaredOn" : "receivedOn";
        Answer answered = system.commands.post("/api/attempts/" + attempt + outcome,
                Map.of(dateField, on.toString())).token(seeker.token()).send();
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        lastTokens.put(seeker.handle(), answered.body().get("consistencyToken").asString());
    }

    private static String rejectedAttempt(Seeker seeker, String target, LocalDate on) {
        String attempt = logged(seeker, "SUBMISSION", target, "Short story", on.minusDays(20));
        Answer rejected = system.commands.post("/api/attempts/" + attempt + "/rejection", Map.of("receivedOn",
                on.toString(), "sting", 4, "feedback", "Not for us")).token(seeker.token()).send();
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        return attempt;
    }

    private static String shared(Seeker seeker, String attempt, Map<String, Object> body) {
        Answer shared = system.commands.post("/api/attempts/" + attempt + "/shares", body).token(seeker.token())
                .send();
        assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
        lastTokens.put(seeker.handle(), shared.body().get("consistencyToken").asString());
        return shared.body().get("shareId").asString();
    }

    /** The challenge's id and invite code. */
    private static String[] createdChallenge(Seeker creator) {
        Answer created = system.commands.post("/api/challenges", Map.of("name", "Rejection club",
                "startsOn", TODAY.minusDays(30).toString(), "endsOn", TODAY.plusDays(30).toString(),
                "goal", Map.of("metric", "REJECTIONS", "target", 3, "per", "WEEK"), "visibility", "INVITE"))
                .token(creator.token()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        lastTokens.put(creator.handle(), created.body().get("consistencyToken").asString());
        return new String[] {created.body().get("challengeId").asString(),
                created.body().get("inviteCode").asString()};
    }

    private static void join(Seeker seeker, String[] parts) {
        Answer joined = system.commands.post("/api/challenges/" + parts[0] + "/members",
                Map.of("inviteCode", parts[1])).token(seeker.token()).send();
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
    }

    private static JsonNode item(JsonNode feed, String shareId) {
        for (JsonNode item : feed.get("items")) {
            if (item.get("shareId").asString().equals(shareId)) {
                return item;
            }
        }
        return null;
    }

    /** Reads with the seeker's last write's consistency token: the answer includes everything they wrote. */
    private static JsonNode read(Seeker seeker, String path) {
        var call = system.queries.get(path).token(seeker.token());
        if (lastTokens.containsKey(seeker.handle())) {
            call.header("Consistency-Token", lastTokens.get(seeker.handle()));
        }
        Answer answer = call.send();
        assertThat(answer.status()).as(path + " " + answer).isEqualTo(200);
        return answer.body();
    }

    private static JsonNode eventually(Seeker seeker, String path, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        JsonNode body = read(seeker, path);
        while (!done.test(body) && Instant.now().isBefore(deadline)) {
            RunningSystem.sleep(100);
            body = read(seeker, path);
        }
        assertThat(done.test(body)).as(path + " " + body).isTrue();
        return body;
    }

    private static Answer awaitStatus(app.ghostresume.stack.testing.HttpApi.Call call, int status) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        Answer answer = call.send();
        while (answer.status() != status && Instant.now().isBefore(deadline)) {
            RunningSystem.sleep(100);
            answer = call.send();
        }
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        return answer;
    }

    private static String randomWord() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("Q");
        for (int i = 0; i < 7; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.api.Assertions.within(0.0001); // rates come rounded to 4 decimals
    }
}
