package app.ghostresume.system;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.ghostresume.stack.testing.HttpApi.Answer;
import app.ghostresume.system.RunningSystem.Seeker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed scenario of goals and a small group challenge, end to end over HTTP. A writer sets "3 PITCH
 * rejections per WEEK" and "12 PITCH rejections" over a custom window, then over the four weeks before this one
 * gets 2, 3, 1 and 1 pitch rejections and 3 acceptances (and one JOB rejection, which neither goal counts).
 * Dates are relative to the current ISO week (W0 is its Monday) because the services run on the real clock.
 *
 * <pre>
 * week   pitches sent (Mon)   pitch rejections (Wed)   acceptances (Wed)
 * W-4    3                    2                        1
 * W-3    3 (+1 JOB)           3 (+1 JOB)               0
 * W-2    2                    1                        1
 * W-1    2                    1                        1
 * </pre>
 */
class GoalsAndChallengesTest {

    private static final RunningSystem system = RunningSystem.get();
    private static final LocalDate W0 = LocalDate.now(ZoneOffset.UTC)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    private static final Map<String, String> lastTokens = new LinkedHashMap<>();

    private static Seeker writer;
    private static Seeker friend;
    private static String weeklyGoal;
    private static String customGoal;

    @BeforeAll
    static void tellTheStory() {
        system.awaitConsumerGroupSettled(1);
        writer = system.newSeeker("writer", "UTC");
        friend = system.newSeeker("friend", "UTC");
        weeklyGoal = goal(Map.of("metric", "REJECTIONS", "category", "PITCH", "target", 3, "period", "WEEK",
                "startsOn", week(-4).toString()));
        customGoal = goal(Map.of("metric", "REJECTIONS", "category", "PITCH", "target", 12, "period", "CUSTOM",
                "startsOn", week(-4).toString(), "endsOn", W0.plusDays(6).toString()));
        pitches(-4, 2, 1);
        pitches(-3, 3, 0);
        answered(writer, "JOB", week(-3), "/rejection", week(-3).plusDays(2));
        pitches(-2, 1, 1);
        pitches(-1, 1, 1);
    }

    @Test
    void goalsShowTheCurrentPeriodAndEveryEndedWeekAsLogged() {
        JsonNode goals = read(writer, "/api/me/goals").get("goals");

        JsonNode custom = goalNamed(goals, customGoal);
        assertThat(custom.get("current").get("count").asInt()).isEqualTo(7);
        assertThat(custom.get("current").get("target").asInt()).isEqualTo(12);
        assertThat(custom.get("current").get("met").asBoolean()).isFalse();
        assertThat(custom.get("current").get("periodStart").asString()).isEqualTo(week(-4).toString());
        assertThat(custom.get("current").get("periodEnd").asString()).isEqualTo(W0.plusDays(6).toString());
        assertThat(custom.get("history")).isEmpty();

        JsonNode weekly = goalNamed(goals, weeklyGoal);
        List<String> history = new ArrayList<>();
        weekly.get("history").forEach(period -> history.add(period.get("periodStart").asString() + " "
                + period.get("count").asInt() + "/" + period.get("target").asInt() + " "
                + period.get("status").asString()));
        assertThat(history).containsExactly(week(-4) + " 2/3 MISSED", week(-3) + " 3/3 MET",
                week(-2) + " 1/3 MISSED", week(-1) + " 1/3 MISSED");
        assertThat(weekly.get("current").get("periodStart").asString()).isEqualTo(W0.toString());
        assertThat(weekly.get("current").get("count").asInt()).isZero();
        assertThat(weekly.get("streak").get("current").asInt()).isZero();
        assertThat(weekly.get("streak").get("longest").asInt()).isEqualTo(1);
        // m = 0.5^(1/4) = 0.840896; each ended week adds v·(1-m) = v·0.159104 to the decayed score:
        // W-4 v=2/3: 0.106069; W-3 v=1: 0.089193 + 0.159104 = 0.248297;
        // W-2 v=1/3: 0.208792 + 0.053035 = 0.261827; W-1 v=1/3: 0.220169 + 0.053035 = 0.273204 → 27
        assertThat(weekly.get("consistencyScore").asInt()).isEqualTo(27);
    }

    @Test
    void streaksCountDaysWithActivityAndWeeksMet() {
        JsonNode streaks = read(writer, "/api/me/streaks");

        // active on the Mondays and Wednesdays of four weeks: never two days in a row
        assertThat(streaks.get("activity").get("longest").asInt()).isEqualTo(1);
        assertThat(streaks.get("activity").get("current").asInt()).isZero();
        assertThat(streaks.get("activity").get("lastActiveOn").asString())
                .isEqualTo(week(-1).plusDays(2).toString());
        JsonNode weekly = goalNamed(streaks.get("goals"), weeklyGoal);
        assertThat(weekly.get("longest").asInt()).isEqualTo(1);
        assertThat(weekly.get("consistencyScore").asInt()).isEqualTo(27);
    }

    @Test
    void aGroupChallengeShowsOnlyCountsInsideItsWindowRankedByRejections() {
        Answer created = system.commands.post("/api/challenges", Map.of("name", "Pitch pals",
                "startsOn", week(-1).toString(), "endsOn", W0.plusDays(6).toString(),
                "goal", Map.of("metric", "REJECTIONS", "target", 1, "per", "WEEK"), "visibility", "INVITE"))
                .token(writer.token()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String challenge = created.body().get("challengeId").asString();
        String inviteCode = created.body().get("inviteCode").asString();
        Seeker stranger = system.newSeeker("stranger", "UTC");

        assertThat(system.commands.post("/api/challenges/" + challenge + "/members", Map.of("inviteCode", "WRONG"))
                .token(stranger.token()).send().status()).isEqualTo(404);
        Answer joined = system.commands.post("/api/challenges/" + challenge + "/members",
                Map.of("inviteCode", inviteCode)).token(friend.token()).send();
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        answered(friend, "PITCH", week(-1).plusDays(1), "/rejection", week(-1).plusDays(3));
        answered(friend, "PITCH", week(-1).plusDays(1), "/rejection", week(-1).plusDays(3));
        answered(friend, "PITCH", W0, null, null);

        // the two members' events travel on different partitions: wait until both are in
        JsonNode view = eventually(writer, "/api/challenges/" + challenge,
                body -> body.get("leaderboard").size() == 2
                        && body.get("leaderboard").get(0).get("attempts").asInt() == 3);
        assertThat(view.get("inviteCode").asString()).isEqualTo(inviteCode);
        List<String> board = new ArrayList<>();
        view.get("leaderboard").forEach(row -> board.add(row.get("rank").asInt() + " " + row.get("handle").asString()
                + " " + row.get("rejections").asInt() + "/" + row.get("attempts").asInt()));
        assertThat(board).containsExactly("1 " + friend.handle() + " 2/3", "2 " + writer.handle() + " 1/2");
        assertThat(weeklyCounts(view, writer)).containsExactly("1: 2/1/1", "2: 0/0/0");
        assertThat(weeklyCounts(view, friend)).containsExactly("1: 2/2/0", "2: 1/0/0");
        assertThat(memberNamed(view, friend).get("progress").get("weeksMet").asInt()).isEqualTo(1);
        assertThat(memberNamed(view, writer).toString()).doesNotContain("Pitch 1", "Magazine");

        assertThat(system.queries.get("/api/challenges/" + challenge).token(stranger.token()).send().status())
                .isEqualTo(404);
    }

    // --- the story's steps

    private static LocalDate week(int offset) {
        return W0.plusWeeks(offset);
    }

    private static String goal(Map<String, Object> body) {
        Answer answer = system.commands.post("/api/goals", body).token(writer.token()).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        lastTokens.put(writer.handle(), answer.body().get("consistencyToken").asString());
        return answer.body().get("goalId").asString();
    }

    /** Pitches sent on the Monday of a week, answered on its Wednesday. */
    private static void pitches(int week, int rejections, int acceptances) {
        for (int i = 0; i < rejections; i++) {
            answered(writer, "PITCH", week(week), "/rejection", week(week).plusDays(2));
        }
        for (int i = 0; i < acceptances; i++) {
            answered(writer, "PITCH", week(week), "/acceptance", week(week).plusDays(2));
        }
    }

    private static void answered(Seeker seeker, String category, LocalDate sentOn, String outcome,
            LocalDate receivedOn) {
        Answer logged = system.commands.post("/api/attempts", Map.of("category", category,
                "target", "Magazine " + sentOn, "title", "Pitch 1", "sentOn", sentOn.toString()))
                .token(seeker.token()).send();
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        lastTokens.put(seeker.handle(), logged.body().get("consistencyToken").asString());
        if (outcome != null) {
            Answer answered = system.commands.post("/api/attempts/" + logged.body().get("attemptId").asString()
                    + outcome, Map.of("receivedOn", receivedOn.toString())).token(seeker.token()).send();
            assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
            lastTokens.put(seeker.handle(), answered.body().get("consistencyToken").asString());
        }
    }

    /** Reads with the seeker's last write's consistency token: the answer includes everything they wrote. */
    private static JsonNode read(Seeker seeker, String path) {
        Answer answer = system.queries.get(path).token(seeker.token())
                .header("Consistency-Token", lastTokens.get(seeker.handle())).send();
        assertThat(answer.status()).as(path + " " + answer).isEqualTo(200);
        return answer.body();
    }

    private static JsonNode eventually(Seeker seeker, String path, java.util.function.Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        JsonNode body = read(seeker, path);
        while (!done.test(body) && Instant.now().isBefore(deadline)) {
            RunningSystem.sleep(100);
            body = read(seeker, path);
        }
        return body;
    }

    private static JsonNode goalNamed(JsonNode goals, String goalId) {
        for (JsonNode goal : goals) {
            if (goal.get("goalId").asString().equals(goalId)) {
                return goal;
            }
        }
        throw new AssertionError("goal " + goalId + " not in " + goals);
    }

    private static JsonNode memberNamed(JsonNode challenge, Seeker seeker) {
        for (JsonNode member : challenge.get("members")) {
            if (member.get("handle").asString().equals(seeker.handle())) {
                return member;
            }
        }
        throw new AssertionError(seeker.handle() + " not in " + challenge);
    }

    /** "week: attempts/rejections/acceptances" for each challenge week. */
    private static List<String> weeklyCounts(JsonNode challenge, Seeker seeker) {
        List<String> weeks = new ArrayList<>();
        memberNamed(challenge, seeker).get("weeks").forEach(week -> weeks.add(week.get("week").asInt() + ": "
                + week.get("attempts").asInt() + "/" + week.get("rejections").asInt() + "/"
                + week.get("acceptances").asInt()));
        return weeks;
    }
}
