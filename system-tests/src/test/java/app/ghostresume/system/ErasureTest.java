package app.ghostresume.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import app.ghostresume.events.EventCodec;
import app.ghostresume.events.SeekerErased;
import app.ghostresume.stack.EmbeddedPostgresServer;
import app.ghostresume.stack.LocalStack;
import app.ghostresume.stack.testing.HttpApi.Answer;
import app.ghostresume.stack.testing.TableScan;
import app.ghostresume.stack.testing.TokenMinter;
import app.ghostresume.stack.testing.TopicReader;
import app.ghostresume.system.RunningSystem.Seeker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeker erases their account: afterwards nothing they wrote (handle, display name, targets, titles, notes,
 * feedback, stories, reflections, messages) is in the bytes of the event store, the key database, the topic, the
 * read models or any answer the others get, while the counts the others see stay as they were; and a full rebuild
 * of the read models after the erasure shows the same.
 */
class ErasureTest {

    private static final RunningSystem system = RunningSystem.get();
    private static final EventCodec CODEC = new EventCodec();

    @Test
    void anErasedSeekerLeavesNothingPersonalAnywhereAndTheOthersCountsStayEvenAfterARebuild() {
        system.awaitConsumerGroupSettled(1);
        String mark = UUID.randomUUID().toString().substring(0, 8);
        Seeker erin = system.newSeeker("erin" + mark, "Europe/Paris");
        Seeker bob = system.newSeeker("bob", "UTC");
        Seeker carol = system.newSeeker("carol", "UTC");

        Answer made = system.commands.post("/api/challenges", Map.of("name", "November of NO", "description", "d",
                "startsOn", bob.today().minusDays(10).toString(), "endsOn", bob.today().plusDays(20).toString(),
                "goal", Map.of("metric", "REJECTIONS", "target", 3, "per", "WEEK"), "visibility", "INVITE"))
                .token(bob.token()).send();
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String challenge = made.body().get("challengeId").asString();
        for (Seeker member : List.of(erin, carol)) {
            Answer joined = system.commands.post("/api/challenges/" + challenge + "/members", Map.of("inviteCode",
                    made.body().get("inviteCode").asString())).token(member.token()).send();
            assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        }

        // what only Erin wrote, and a target she shares with Carol
        List<String> hers = List.of(erin.handle(), "erin" + mark, "Zephyrine Press " + mark, "Ode to no " + mark,
                "notes of " + mark, "feedback for " + mark, "the story of " + mark, "what I learned " + mark,
                "hang in there " + mark, "phone screen " + mark);
        String shared = "Acme Shared " + mark;
        String hersAlone = rejected(erin, hers.get(2), hers.get(3), hers.get(4), hers.get(9), hers.get(5));
        rejected(erin, shared, "Essay", null, null, null);
        rejected(carol, shared, "Poem", null, null, null);
        rejected(bob, "Globex", "Pitch", null, null, null);
        created(erin, "/api/attempts/" + hersAlone + "/reflections", Map.of("whatHappened", hers.get(7),
                "whatILearned", hers.get(7), "nextTime", hers.get(7), "wasItPersonal", "NO"), "reflectionId");
        String erinsShare = created(erin, "/api/attempts/" + hersAlone + "/shares", Map.of("story", hers.get(6),
                "anonymous", false, "audience", "PUBLIC"), "shareId");
        String bobsAttempt = rejected(bob, "Initech", "Another pitch", null, null, null);
        String bobsShare = created(bob, "/api/attempts/" + bobsAttempt + "/shares", Map.of("story", "bob's story",
                "anonymous", false, "audience", "CHALLENGE", "challengeId", challenge), "shareId");
        assertThat(system.commands.post("/api/shares/" + bobsShare + "/support", Map.of("kind", "HUG",
                "message", hers.get(8))).token(erin.token()).send().status()).isEqualTo(200);
        assertThat(system.commands.put("/api/me/profile", Map.of("publicGhostResume", true)).token(erin.token())
                .send().status()).isEqualTo(200);

        JsonNode before = eventually(bob, "/api/challenges/" + challenge, view -> total(view, "attempts") == 5);
        assertThat(eventually(bob, "/api/shares/" + bobsShare, share -> share.get("support").path("HUG").asInt() == 1)
                .toString()).contains(hers.get(8));
        assertThat(eventually(bob, "/api/feed", feed -> feed.toString().contains(erinsShare)).toString())
                .contains(hers.get(6));
        assertThat(system.queries.get("/api/seekers/" + erin.handle() + "/ghost-resume").token(bob.token()).send()
                .status()).isEqualTo(200);
        // the scan finds what is there: the read models hold her texts opened, the event store only sealed
        assertThat(tablesHolding(LocalStack.QUERY_DATABASE, hers.get(2))).contains("attempt_board", "seeker_event");
        assertThat(tablesHolding(LocalStack.COMMAND_DATABASE, hers.get(2))).isEmpty();
        assertThat(tablesHolding(LocalStack.COMMAND_DATABASE, erin.handle())).containsExactly("seeker_account");

        Answer wrong = system.commands.request("DELETE", "/api/me", Map.of("password", "not it")).token(erin.token())
                .send();
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(403);
        Answer erased = system.commands.request("DELETE", "/api/me", Map.of("password", "correct horse battery"))
                .token(erin.token()).send();
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);

        JsonNode after = eventually(bob, "/api/challenges/" + challenge,
                view -> view.toString().contains("a former member"));
        assertThat(standings(after)).as("the table keeps its shape and counts").isEqualTo(standings(before));
        assertThat(system.commands.post("/api/sessions", Map.of("handle", erin.handle(), "password",
                "correct horse battery")).send().status()).isEqualTo(401);
        assertThat(system.queries.get("/api/me/attempts").token(erin.token()).send().status())
                .as("her token, though unexpired, speaks for nobody").isEqualTo(401);
        assertThat(system.commands.get("/api/me/imports/" + UUID.randomUUID()).token(erin.token()).send().status())
                .isEqualTo(401);
        List<String> answers = answersBobGets(bob, challenge, bobsShare, erin.handle());
        assertThat(eventually(bob, "/api/shares/" + bobsShare, share -> !share.toString().contains(hers.get(8)))
                .get("support").path("HUG").asInt()).as("her hug still counts").isEqualTo(1);
        assertThat(system.queries.get("/api/shares/" + erinsShare).token(bob.token()).send().status()).isEqualTo(404);

        assertNowhere(hers, answers, erin);
        assertThat(system.querySide("SELECT target_key FROM attempt_board WHERE seeker_id = ? "
                + "AND target_key IS NOT NULL", erin.id())).as("a target others named stays pooled")
                .containsExactly("acme-shared-" + mark);

        rebuildTheReadModels(bob);
        JsonNode rebuilt = eventually(bob, "/api/challenges/" + challenge,
                view -> view.toString().contains("a former member") && total(view, "attempts") == 5);
        assertThat(standings(rebuilt)).isEqualTo(standings(before));
        assertNowhere(hers, answersBobGets(bob, challenge, bobsShare, erin.handle()), erin);
    }

    // --- the seekers' side

    private static String created(Seeker seeker, String path, Map<String, Object> body, String id) {
        Answer answer = system.commands.post(path, body).token(seeker.token()).send();
        assertThat(answer.status()).as(path + " " + answer).isEqualTo(201);
        return answer.body().get(id).asString();
    }

    /** Logs an attempt sent four days ago and its rejection two days later; returns the attempt. */
    private static String rejected(Seeker seeker, String target, String title, String notes, String stage,
            String feedback) {
        Map<String, Object> attempt = new HashMap<>(Map.of("category", "PITCH", "target", target,
                "title", title, "sentOn", seeker.today().minusDays(4).toString()));
        if (notes != null) {
            attempt.put("notes", notes);
        }
        String id = created(seeker, "/api/attempts", attempt, "attemptId");
        Map<String, Object> rejection = new HashMap<>(Map.of("receivedOn",
                seeker.today().minusDays(2).toString(), "sting", 3));
        if (stage != null) {
            rejection.put("stageReached", stage);
        }
        if (feedback != null) {
            rejection.put("feedback", feedback);
        }
        Answer rejected = system.commands.post("/api/attempts/" + id + "/rejection", rejection).token(seeker.token())
                .send();
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        return id;
    }

    private static List<String> answersBobGets(Seeker bob, String challenge, String share, String erinsHandle) {
        assertThat(system.queries.get("/api/seekers/" + erinsHandle + "/ghost-resume").token(bob.token()).send()
                .status()).as("her public ghost résumé").isEqualTo(404);
        List<String> answers = new ArrayList<>();
        for (String path : List.of("/api/challenges/" + challenge, "/api/challenges/" + challenge + "/feed",
                "/api/feed", "/api/shares/" + share, "/api/challenges?limit=50", "/api/targets?query=zephyrine")) {
            Answer answer = system.queries.get(path).token(bob.token()).send();
            assertThat(answer.status()).as(path + " " + answer).isEqualTo(200);
            answers.add(answer.toString());
        }
        return answers;
    }

    private static JsonNode eventually(Seeker reader, String path, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Answer answer = system.queries.get(path).token(reader.token()).send();
        while (!(answer.status() == 200 && done.test(answer.body())) && Instant.now().isBefore(deadline)) {
            RunningSystem.sleep(200);
            answer = system.queries.get(path).token(reader.token()).send();
        }
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(done.test(answer.body())).as(path + " " + answer).isTrue();
        return answer.body();
    }

    private static long total(JsonNode challenge, String count) {
        long total = 0;
        for (JsonNode standing : challenge.get("leaderboard")) {
            total += standing.get(count).asLong();
        }
        return total;
    }

    /** The leaderboard as rank, rejections and attempts, without who. */
    private static List<String> standings(JsonNode challenge) {
        List<String> standings = new ArrayList<>();
        challenge.get("leaderboard").forEach(row -> standings.add(row.get("rank").asInt() + " "
                + row.get("rejections").asLong() + "/" + row.get("attempts").asLong()));
        return standings;
    }

    // --- the bytes

    private static void assertNowhere(List<String> texts, List<String> answers, Seeker erased) {
        for (String database : List.of(LocalStack.COMMAND_DATABASE, LocalStack.QUERY_DATABASE,
                LocalStack.KEYS_DATABASE)) {
            for (String text : texts) {
                assertThat(tablesHolding(database, text)).as("'%s' in %s", text, database).isEmpty();
            }
        }
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(system.stack.kafka().bootstrapServers(),
                "seeker-events", read -> read.stream().anyMatch(r -> CODEC.decode(r.value())
                        .filter(e -> e.payload() instanceof SeekerErased && e.seekerId().equals(erased.id()))
                        .isPresent()), Duration.ofSeconds(60));
        assertThat(records).isNotEmpty();
        for (String text : texts) {
            assertThat(records).as("'%s' on the topic", text)
                    .noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(text));
            assertThat(answers).as("'%s' in an answer", text).noneMatch(answer -> answer.contains(text));
        }
    }

    /** The tables of one of the system's databases with a row holding the text ({@link TableScan}). */
    private static List<String> tablesHolding(String database, String text) {
        return TableScan.tablesHolding(system.stack.postgres().jdbcUrl(database), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD, text);
    }

    /** An operator's rebuild: a new generation of every read model, built from the topic, live once caught up. */
    private static void rebuildTheReadModels(Seeker anyone) {
        String operator = system.operatorToken(anyone);
        Answer started = system.queries.post("/api/operator/read-models/rebuild", Map.of()).token(operator).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        int rebuilt = started.body().get("generation").asInt();
        RunningSystem.awaitCount("the rebuilt generation live", () -> system.queries.get("/api/operator/read-models")
                .token(operator).send().body().get("live").get("generation").asLong(), rebuilt,
                Duration.ofSeconds(180));
        system.awaitConsumerGroupSettled(1);
    }
}
