package app.ghostresume.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptGhosted;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptWithdrawn;
import app.ghostresume.events.Category;
import app.ghostresume.events.ChallengeCreated;
import app.ghostresume.events.ChallengeGoal;
import app.ghostresume.events.ChallengeJoined;
import app.ghostresume.events.ChallengeLeft;
import app.ghostresume.events.ChallengeVisibility;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.SeekerEvent;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.query.support.Api.Response;
import app.ghostresume.query.support.FixedClock;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group challenges end to end. "November of NO" (invite only) runs Monday 2 to Friday 20 November 2026: week 1 is
 * Nov 2-8, week 2 Nov 9-15, week 3 Nov 16-20; its goal is 2 rejections per week. "Today" is Wednesday 18 November
 * (UTC), so weeks 1 and 2 have ended. Fifteen seekers join it on different days, one leaves for good, one leaves
 * and comes back. Challenge events are keyed by the challenge, attempts by their seeker: half of the members'
 * facts are projected before the challenge exists, the other half after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = FixedClock.PROPERTY + "=2026-11-18T12:00:00Z")
class ChallengeApiTest extends QueryServiceIntegrationTest {

    private static final UUID NO = UUID.randomUUID();
    private static final UUID SPRINT = UUID.randomUUID();
    private static final List<UUID> MORE_PUBLIC = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID());
    private static final List<String> HANDLES = List.of("ada", "bo", "cy", "dee", "eli", "fay", "gus", "hal", "ivy",
            "jon", "kai", "lu", "mo", "nia", "oz", "zed");

    private final Map<String, UUID> seekers = new LinkedHashMap<>();

    @BeforeAll
    void tellTheStory() {
        HANDLES.forEach(handle -> seekers.put(handle, UUID.randomUUID()));
        HANDLES.stream().filter(handle -> !handle.equals("mo")).forEach(this::register);

        // first, facts of some members (and of one who will leave), before any membership exists
        awaitAll(membersFactsBeforeTheChallenge());

        // then the challenges: created, joined on different days; nia leaves and rejoins, oz leaves
        List<EventEnvelope> challengeEvents = new ArrayList<>();
        challengeEvents.add(publishAt(new ChallengeCreated(NO, seeker("ada"), "November of NO", "Collect them all",
                date("2026-11-02"), date("2026-11-20"), new ChallengeGoal(GoalMetric.REJECTIONS, null, 2,
                        ChallengeGoal.Per.WEEK), ChallengeVisibility.INVITE, "NO-2026", date("2026-10-25")),
                "2026-10-25T10:00:00Z"));
        String[][] joins = { { "ada", "2026-11-02" }, { "gus", "2026-11-02" }, { "eli", "2026-11-03" },
                { "nia", "2026-11-03" }, { "bo", "2026-11-04" }, { "oz", "2026-11-04" }, { "cy", "2026-11-05" },
                { "hal", "2026-11-06" }, { "ivy", "2026-11-07" }, { "jon", "2026-11-08" }, { "dee", "2026-11-09" },
                { "fay", "2026-11-10" }, { "kai", "2026-11-11" }, { "lu", "2026-11-12" }, { "mo", "2026-11-14" } };
        for (String[] join : joins) {
            challengeEvents.add(publishAt(new ChallengeJoined(NO, seeker(join[0]), date(join[1])),
                    join[1] + "T09:00:00Z"));
            if (join[0].equals("bo")) {
                challengeEvents.add(publishAt(new ChallengeLeft(NO, seeker("nia"), date("2026-11-10")),
                        "2026-11-10T09:00:00Z"));
            }
            if (join[0].equals("lu")) {
                challengeEvents.add(publishAt(new ChallengeJoined(NO, seeker("nia"), date("2026-11-12")),
                        "2026-11-12T10:00:00Z"));
                challengeEvents.add(publishAt(new ChallengeLeft(NO, seeker("oz"), date("2026-11-13")),
                        "2026-11-13T09:00:00Z"));
            }
        }
        challengeEvents.add(publishAt(new ChallengeCreated(SPRINT, seeker("zed"), "Pitch sprint", null,
                date("2026-11-01"), date("2026-11-30"), new ChallengeGoal(GoalMetric.ATTEMPTS, Category.PITCH, 3,
                        ChallengeGoal.Per.TOTAL), ChallengeVisibility.PUBLIC, "OPEN-1", date("2026-10-26")),
                "2026-10-26T10:00:00Z"));
        challengeEvents.add(publishAt(new ChallengeJoined(SPRINT, seeker("zed"), date("2026-10-26")),
                "2026-10-26T10:00:00Z"));
        challengeEvents.add(publishAt(new ChallengeJoined(SPRINT, seeker("ada"), date("2026-11-01")),
                "2026-11-01T10:00:00Z"));
        for (int i = 0; i < MORE_PUBLIC.size(); i++) {
            UUID challenge = MORE_PUBLIC.get(i);
            String day = "2026-10-" + (27 + i);
            challengeEvents.add(publishAt(new ChallengeCreated(challenge, seeker("zed"), "Open " + (i + 1), null,
                    date("2026-11-01"), date("2026-11-30"), new ChallengeGoal(GoalMetric.REJECTIONS, null, 10,
                            ChallengeGoal.Per.TOTAL), ChallengeVisibility.PUBLIC, null, date(day)),
                    day + "T10:00:00Z"));
            challengeEvents.add(publishAt(new ChallengeJoined(challenge, seeker("zed"), date(day)),
                    day + "T10:00:00Z"));
        }
        awaitAll(challengeEvents);

        // last, the other members' facts (and mo's registration), after their membership
        register("mo");
        awaitAll(membersFactsAfterTheChallenge());
    }

    /**
     * <pre>
     *        sent → outcome                                                  week 1   week 2   week 3
     * ada    Nov 2 → R Nov 3, Nov 3 → R Nov 5, Nov 9 → A Nov 12,             2/2/0    1/0/1    1/1/0
     *        Nov 16 (PITCH) → R Nov 17
     * bo     Oct 31 → R Nov 2 (sent before the window), Nov 10 → R Nov 11,   0/1/0    2/2/0    0/0/0
     *        Nov 10 → R Nov 12
     * cy     Nov 2 → R Nov 3 (before joining on Nov 5), Nov 9 → R Nov 10,    1/1/0    1/1/0    1/0/0
     *        Nov 16 (waiting)
     * dee    Nov 2 → R Nov 4, Nov 3 → R Nov 5, Nov 11 → R Nov 13,            2/2/0    1/1/0    1/1/0
     *        Nov 17 → R Nov 18
     * eli    Nov 2 → A Nov 6                                                 1/0/1    0/0/0    0/0/0
     * gus    Nov 4 → R Nov 6, Nov 5 → R Nov 7, Nov 12 → R Nov 14             2/2/0    1/1/0    0/0/0
     * oz     six rejections in weeks 1 and 2, but oz left
     * </pre>
     * (attempts/rejections/acceptances; fay has none)
     */
    private List<EventEnvelope> membersFactsBeforeTheChallenge() {
        List<EventEnvelope> facts = new ArrayList<>();
        facts.addAll(fact("ada", "2026-11-02", 'R', "2026-11-03"));
        facts.addAll(fact("ada", "2026-11-03", 'R', "2026-11-05"));
        facts.addAll(fact("ada", "2026-11-09", 'A', "2026-11-12"));
        facts.addAll(fact("ada", Category.PITCH, "2026-11-16", 'R', "2026-11-17"));
        facts.addAll(fact("bo", "2026-10-31", 'R', "2026-11-02"));
        facts.addAll(fact("bo", "2026-11-10", 'R', "2026-11-11"));
        facts.addAll(fact("bo", "2026-11-10", 'R', "2026-11-12"));
        facts.addAll(fact("cy", "2026-11-02", 'R', "2026-11-03"));
        facts.addAll(fact("cy", "2026-11-09", 'R', "2026-11-10"));
        facts.addAll(fact("cy", "2026-11-16", ' ', null));
        facts.addAll(fact("dee", "2026-11-02", 'R', "2026-11-04"));
        facts.addAll(fact("dee", "2026-11-03", 'R', "2026-11-05"));
        facts.addAll(fact("dee", "2026-11-11", 'R', "2026-11-13"));
        facts.addAll(fact("dee", "2026-11-17", 'R', "2026-11-18"));
        facts.addAll(fact("eli", "2026-11-02", 'A', "2026-11-06"));
        facts.addAll(fact("gus", "2026-11-04", 'R', "2026-11-06"));
        facts.addAll(fact("gus", "2026-11-05", 'R', "2026-11-07"));
        facts.addAll(fact("gus", "2026-11-12", 'R', "2026-11-14"));
        for (String day : List.of("2026-11-05", "2026-11-06", "2026-11-07", "2026-11-08", "2026-11-09", "2026-11-10")) {
            facts.addAll(fact("oz", day, 'R', day));
        }
        // zed, no member of November of NO: PITCH sent Nov 3, 4 (rejected Nov 5) and 10; a JOB on Nov 6
        facts.addAll(fact("zed", Category.PITCH, "2026-11-03", ' ', null));
        facts.addAll(fact("zed", Category.PITCH, "2026-11-04", 'R', "2026-11-05"));
        facts.addAll(fact("zed", Category.JOB, "2026-11-06", 'R', "2026-11-07"));
        facts.addAll(fact("zed", Category.PITCH, "2026-11-10", ' ', null));
        return facts;
    }

    /**
     * <pre>
     *        sent → outcome                                                  week 1   week 2   week 3
     * hal    Nov 2 → R Nov 3, Nov 9 → R Nov 9, Nov 10 → R Nov 16,            1/1/0    2/1/0    1/2/0
     *        Nov 16 → R Nov 18
     * ivy    Nov 3 → R Nov 4, Nov 4 → R Nov 5, Nov 5 → R Nov 6,              4/4/0    1/1/0    0/0/0
     *        Nov 6 → R Nov 8, Nov 9 → R Nov 10
     * jon    Nov 12 → ghosted Nov 16 (no rejection)                          0/0/0    1/0/0    0/0/0
     * kai    Nov 2 → R Nov 9, Nov 3 → withdrawn Nov 4 (still an attempt)     2/0/0    0/1/0    0/0/0
     * lu     Nov 13 → R Nov 14, Nov 13 → R Nov 15, Nov 14 → R Nov 17         0/0/0    3/2/0    0/1/0
     * mo     Oct 28 → R Nov 2 (registered only after joining)                0/1/0    0/0/0    0/0/0
     * nia    Nov 4 → R Nov 5 (left and rejoined)                             1/1/0    0/0/0    0/0/0
     * </pre>
     */
    private List<EventEnvelope> membersFactsAfterTheChallenge() {
        List<EventEnvelope> facts = new ArrayList<>();
        facts.addAll(fact("hal", "2026-11-02", 'R', "2026-11-03"));
        facts.addAll(fact("hal", "2026-11-09", 'R', "2026-11-09"));
        facts.addAll(fact("hal", "2026-11-10", 'R', "2026-11-16"));
        facts.addAll(fact("hal", "2026-11-16", 'R', "2026-11-18"));
        facts.addAll(fact("ivy", "2026-11-03", 'R', "2026-11-04"));
        facts.addAll(fact("ivy", "2026-11-04", 'R', "2026-11-05"));
        facts.addAll(fact("ivy", "2026-11-05", 'R', "2026-11-06"));
        facts.addAll(fact("ivy", "2026-11-06", 'R', "2026-11-08"));
        facts.addAll(fact("ivy", "2026-11-09", 'R', "2026-11-10"));
        facts.addAll(fact("jon", "2026-11-12", 'G', "2026-11-16"));
        facts.addAll(fact("kai", "2026-11-02", 'R', "2026-11-09"));
        facts.addAll(fact("kai", "2026-11-03", 'W', "2026-11-04"));
        facts.addAll(fact("lu", "2026-11-13", 'R', "2026-11-14"));
        facts.addAll(fact("lu", "2026-11-13", 'R', "2026-11-15"));
        facts.addAll(fact("lu", "2026-11-14", 'R', "2026-11-17"));
        facts.addAll(fact("mo", "2026-10-28", 'R', "2026-11-02"));
        facts.addAll(fact("nia", "2026-11-04", 'R', "2026-11-05"));
        return facts;
    }

    @Test
    void theLeaderboardRanksByRejectionsThenAttemptsAndTiesShareARank() {
        JsonNode challenge = challenge(NO, "ada");

        List<String> leaderboard = new ArrayList<>();
        challenge.get("leaderboard").forEach(row -> leaderboard.add(row.get("rank").asInt() + " "
                + row.get("handle").asString() + " " + row.get("rejections").asInt() + "/"
                + row.get("attempts").asInt()));
        assertThat(leaderboard).containsExactly("1 ivy 5/5", "2 dee 4/4", "2 hal 4/4", "4 ada 3/4", "5 gus 3/3",
                "5 lu 3/3", "7 bo 3/2", "8 cy 2/3", "9 kai 1/2", "10 nia 1/1", "11 mo 1/0", "12 eli 0/1",
                "12 jon 0/1", "14 fay 0/0");
        assertThat(challenge.get("leaderboard").get(0).get("displayName").asString()).isEqualTo("IVY");
        assertThat(challenge.get("memberCount").asInt()).isEqualTo(14);
    }

    @Test
    void theWeeklyTableCountsEachMembersFactsByTheirOwnDatesInsideTheWindow() {
        JsonNode challenge = challenge(NO, "bo");

        assertThat(challenge.get("weeks")).extracting(week -> week.get("week").asInt() + ": "
                + week.get("startsOn").asString() + ".." + week.get("endsOn").asString())
                .containsExactly("1: 2026-11-02..2026-11-08", "2: 2026-11-09..2026-11-15", "3: 2026-11-16..2026-11-20");
        Map<String, String> table = new LinkedHashMap<>();
        challenge.get("members").forEach(member -> {
            List<String> weeks = new ArrayList<>();
            member.get("weeks").forEach(week -> weeks.add(week.get("attempts").asInt() + "/"
                    + week.get("rejections").asInt() + "/" + week.get("acceptances").asInt()));
            JsonNode totals = member.get("totals");
            table.put(member.get("handle").asString(), String.join(" ", weeks) + " = " + totals.get("attempts").asInt()
                    + "/" + totals.get("rejections").asInt() + "/" + totals.get("acceptances").asInt());
        });
        assertThat(table).containsExactly(
                Map.entry("ada", "2/2/0 1/0/1 1/1/0 = 4/3/1"),
                Map.entry("bo", "0/1/0 2/2/0 0/0/0 = 2/3/0"),
                Map.entry("cy", "1/1/0 1/1/0 1/0/0 = 3/2/0"),
                Map.entry("dee", "2/2/0 1/1/0 1/1/0 = 4/4/0"),
                Map.entry("eli", "1/0/1 0/0/0 0/0/0 = 1/0/1"),
                Map.entry("fay", "0/0/0 0/0/0 0/0/0 = 0/0/0"),
                Map.entry("gus", "2/2/0 1/1/0 0/0/0 = 3/3/0"),
                Map.entry("hal", "1/1/0 2/1/0 1/2/0 = 4/4/0"),
                Map.entry("ivy", "4/4/0 1/1/0 0/0/0 = 5/5/0"),
                Map.entry("jon", "0/0/0 1/0/0 0/0/0 = 1/0/0"),
                Map.entry("kai", "2/0/0 0/1/0 0/0/0 = 2/1/0"),
                Map.entry("lu", "0/0/0 3/2/0 0/1/0 = 3/3/0"),
                Map.entry("mo", "0/1/0 0/0/0 0/0/0 = 0/1/0"),
                Map.entry("nia", "1/1/0 0/0/0 0/0/0 = 1/1/0"));
        JsonNode nia = member(challenge, "nia");
        assertThat(nia.get("joinedOn").asString()).isEqualTo("2026-11-12");
        assertThat(nia.propertyNames()).containsExactly("handle", "displayName", "joinedOn", "weeks", "totals",
                "progress");
        assertThat(challenge.toString()).doesNotContain("Target", "Title", "Notes");
    }

    @Test
    void weeklyProgressJudgesTheEndedWeeksAndShowsTheCurrentOne() {
        JsonNode challenge = challenge(NO, "cy");

        Map<String, String> progress = new LinkedHashMap<>();
        for (String handle : List.of("ivy", "dee", "hal", "lu", "bo", "fay")) {
            JsonNode of = member(challenge, handle).get("progress");
            progress.put(handle, "met " + of.get("weeksMet").asInt() + " of " + of.get("elapsed").size()
                    + ", this week " + of.get("count").asInt() + "/" + of.get("target").asInt() + " "
                    + of.get("met").asBoolean());
        }
        // two rejections per week; weeks 1 and 2 have ended, week 3 is current
        assertThat(progress).containsExactly(
                Map.entry("ivy", "met 1 of 2, this week 0/2 false"),
                Map.entry("dee", "met 1 of 2, this week 1/2 false"),
                Map.entry("hal", "met 0 of 2, this week 2/2 true"),
                Map.entry("lu", "met 1 of 2, this week 1/2 false"),
                Map.entry("bo", "met 1 of 2, this week 0/2 false"),
                Map.entry("fay", "met 0 of 2, this week 0/2 false"));
        JsonNode ivy = member(challenge, "ivy").get("progress").get("elapsed");
        assertThat(ivy.get(0).get("week").asInt()).isEqualTo(1);
        assertThat(ivy.get(0).get("count").asInt()).isEqualTo(4);
        assertThat(ivy.get(0).get("met").asBoolean()).isTrue();
    }

    @Test
    void aMemberWhoLeftDisappearsAndAnInviteOnlyChallengeDoesNotExistForOthers() {
        JsonNode challenge = challenge(NO, "ada");
        List<String> handles = new ArrayList<>();
        challenge.get("members").forEach(member -> handles.add(member.get("handle").asString()));
        assertThat(handles).hasSize(14).doesNotContain("oz").contains("nia", "mo");
        assertThat(challenge.get("inviteCode").asString()).isEqualTo("NO-2026");
        assertThat(challenge.get("visibility").asString()).isEqualTo("INVITE");
        assertThat(challenge.get("goal").get("metric").asString()).isEqualTo("REJECTIONS");
        assertThat(challenge.get("goal").get("per").asString()).isEqualTo("WEEK");
        assertThat(challenge.get("goal").get("target").asInt()).isEqualTo(2);

        for (String outsider : List.of("zed", "oz")) {
            Response response = api().get("/api/challenges/" + NO, tokens().tokenFor(seeker(outsider)));
            assertNotFound(response, NO.toString());
        }
        assertNotFound(api().get("/api/challenges/" + UUID.randomUUID(), tokens().tokenFor(seeker("zed"))), null);
        assertNotFound(api().get("/api/challenges/nope", tokens().tokenFor(seeker("ada"))), "nope");
    }

    @Test
    void aPublicChallengeShowsItsInviteCodeOnlyToMembersAndCountsOnlyItsCategory() {
        JsonNode seenByMember = challenge(SPRINT, "zed");
        assertThat(seenByMember.get("inviteCode").asString()).isEqualTo("OPEN-1");
        JsonNode zed = member(seenByMember, "zed");
        // PITCH only: sent Nov 3, 4 and 10, rejected Nov 5; the JOB attempt is not the group's business
        assertThat(zed.get("totals").get("attempts").asInt()).isEqualTo(3);
        assertThat(zed.get("totals").get("rejections").asInt()).isEqualTo(1);
        assertThat(zed.get("progress").toString()).isEqualTo("{\"count\":3,\"target\":3,\"met\":true}");
        JsonNode ada = member(seenByMember, "ada");
        assertThat(ada.get("totals").get("attempts").asInt()).isEqualTo(1);
        assertThat(ada.get("progress").get("met").asBoolean()).isFalse();

        JsonNode seenByStranger = challenge(SPRINT, "bo");
        assertThat(seenByStranger.has("inviteCode")).isFalse();
        assertThat(seenByStranger.get("members")).hasSize(2);
        assertThat(seenByStranger.get("weeks")).hasSize(5);
    }

    @Test
    void publicChallengesAreListedNewestFirstPageByPage() {
        String token = tokens().tokenFor(seeker("ada"));
        List<String> names = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            Response page = api().get("/api/challenges?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(page.status()).isEqualTo(200);
            pageSizes.add(page.body().get("challenges").size());
            page.body().get("challenges").forEach(summary -> names.add(summary.get("name").asString() + " "
                    + summary.get("memberCount").asInt() + " " + summary.get("member").asBoolean()));
            cursor = page.body().get("next").isNull() ? null : page.body().get("next").asString();
        }
        while (cursor != null);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(names).containsExactly("Open 4 1 false", "Open 3 1 false", "Open 2 1 false", "Open 1 1 false",
                "Pitch sprint 2 true");
    }

    @Test
    void mineListsTheCallersChallengesOfAnyVisibility() {
        JsonNode mine = api().get("/api/challenges?mine=true", tokens().tokenFor(seeker("ada"))).body();

        assertThat(mine.get("challenges")).extracting(summary -> summary.get("challengeId").asString() + " "
                + summary.get("visibility").asString() + " " + summary.get("memberCount").asInt())
                .containsExactly(SPRINT + " PUBLIC 2", NO + " INVITE 14");
        JsonNode invite = mine.get("challenges").get(1);
        assertThat(invite.get("name").asString()).isEqualTo("November of NO");
        assertThat(invite.get("startsOn").asString()).isEqualTo("2026-11-02");
        assertThat(invite.get("endsOn").asString()).isEqualTo("2026-11-20");
        assertThat(invite.get("member").asBoolean()).isTrue();
        assertThat(mine.get("next").isNull()).isTrue();
        assertThat(api().get("/api/challenges?mine=true", tokens().tokenFor(seeker("oz"))).body().get("challenges"))
                .isEmpty();
    }

    @Test
    void aConsistencyTokenFromJoiningHoldsTheReadUntilTheMembershipIsProjected() throws Exception {
        UUID challenge = UUID.randomUUID();
        publishAt(new ChallengeCreated(challenge, seeker("zed"), "Secret club", null, date("2026-11-16"),
                date("2026-11-29"), new ChallengeGoal(GoalMetric.ATTEMPTS, null, 1, ChallengeGoal.Per.WEEK),
                ChallengeVisibility.INVITE, "SECRET", date("2026-11-16")), "2026-11-16T08:00:00Z");
        publishAt(new ChallengeJoined(challenge, seeker("zed"), date("2026-11-16")), "2026-11-16T08:00:00Z");
        EventEnvelope joined = events().envelope(new ChallengeJoined(challenge, seeker("eli"), date("2026-11-18")),
                Instant.parse("2026-11-18T11:00:00Z"));
        CompletableFuture<Void> publishedLater = CompletableFuture.runAsync(() -> events().publish(joined),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        // an invite-only challenge: until eli's membership is projected, eli would get a 404
        // eli's token names eli's own first event on the challenge, as the command service hands it out
        Response response = api().get("/api/challenges/" + challenge, tokens().tokenFor(seeker("eli")),
                Map.of("Consistency-Token", challenge + ".0"));

        publishedLater.get();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body().get("memberCount").asInt()).isEqualTo(2);
        assertThat(response.body().get("inviteCode").asString()).isEqualTo("SECRET");
        assertThat(member(response.body(), "eli").get("joinedOn").asString()).isEqualTo("2026-11-18");
    }

    @Test
    void theReportReplaysTheTableThePageShows() {
        for (UUID challengeId : List.of(NO, SPRINT)) {
            JsonNode page = challenge(challengeId, "ada");
            Response report = api().get("/api/challenges/" + challengeId + "/report", tokens().tokenFor(seeker("ada")));
            assertThat(report.status()).as(report.toString()).isEqualTo(200);
            // nia left and rejoined, oz left, mo registered after joining: the replay agrees with the page on each
            assertThat(report.body().get("members")).isEqualTo(page.get("members"));
            assertThat(report.body().get("leaderboard")).isEqualTo(page.get("leaderboard"));
            assertThat(report.body().get("weeks")).isEqualTo(page.get("weeks"));
            assertThat(report.body().get("group").get("members").asInt()).isEqualTo(page.get("memberCount").asInt());
            assertThat(report.body().get("ended").asBoolean()).isFalse();
        }
        assertThat(challenge(NO, "ada").get("members")).hasSize(14);
    }

    @Test
    void anInviteOnlyChallengesReportIsNotFoundForOutsidersAsItsPageIs() {
        for (String outsider : List.of("zed", "oz")) {
            assertNotFound(api().get("/api/challenges/" + NO + "/report", tokens().tokenFor(seeker(outsider))),
                    NO.toString());
        }
        assertNotFound(api().get("/api/challenges/" + UUID.randomUUID() + "/report", tokens().tokenFor(seeker("ada"))),
                null);
        assertNotFound(api().get("/api/challenges/not-a-challenge/report", tokens().tokenFor(seeker("ada"))),
                "not-a-challenge");
        // a public challenge's report, like its page, is for every signed-in seeker
        assertThat(api().get("/api/challenges/" + SPRINT + "/report", tokens().tokenFor(seeker("oz"))).status())
                .isEqualTo(200);
    }

    // --- the story's steps

    private void register(String handle) {
        publishAt(new SeekerRegistered(seeker(handle), handle, handle.toUpperCase(), ZoneId.of("UTC")),
                "2026-10-01T09:00:00Z");
    }

    private List<EventEnvelope> fact(String handle, String sentOn, char outcome, String outcomeOn) {
        return fact(handle, Category.JOB, sentOn, outcome, outcomeOn);
    }

    /** An attempt sent on {@code sentOn} and its Rejection, Acceptance, Ghosting or Withdrawal (or none: ' '). */
    private List<EventEnvelope> fact(String handle, Category category, String sentOn, char outcome,
            String outcomeOn) {
        UUID seeker = seeker(handle);
        UUID attempt = UUID.randomUUID();
        List<EventEnvelope> published = new ArrayList<>();
        published.add(publishAt(new AttemptLogged(attempt, seeker, category, "Target", "Title", "Notes", date(sentOn),
                null), sentOn + "T09:00:00Z"));
        SeekerEvent answer = switch (outcome) {
            case 'R' -> new RejectionReceived(attempt, seeker, date(outcomeOn), null, null, null);
            case 'A' -> new AcceptanceReceived(attempt, seeker, date(outcomeOn), null);
            case 'G' -> new AttemptGhosted(attempt, seeker, date(outcomeOn), false);
            case 'W' -> new AttemptWithdrawn(attempt, seeker, date(outcomeOn), null);
            default -> null;
        };
        if (answer != null) {
            published.add(publishAt(answer, outcomeOn + "T10:00:00Z"));
        }
        return published;
    }

    private UUID seeker(String handle) {
        return seekers.get(handle);
    }

    // --- reading

    private JsonNode challenge(UUID challengeId, String as) {
        Response response = api().get("/api/challenges/" + challengeId, tokens().tokenFor(seeker(as)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode member(JsonNode challenge, String handle) {
        for (JsonNode member : challenge.get("members")) {
            if (member.get("handle").asString().equals(handle)) {
                return member;
            }
        }
        throw new AssertionError(handle + " is not a member of " + challenge.get("name"));
    }

    private static void assertNotFound(Response response, String id) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("type").asString()).isEqualTo("https://ghostresume.app/problems/not-found");
        if (id != null) {
            assertThat(response.body().get("detail").asString()).isEqualTo("No challenge " + id + ".");
        }
    }

    private static LocalDate date(String date) {
        return LocalDate.parse(date);
    }
}
