package app.ghostresume.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptCorrected;
import app.ghostresume.events.AttemptGhosted;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptWithdrawn;
import app.ghostresume.events.Category;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.events.GoalPeriod;
import app.ghostresume.events.GoalRetired;
import app.ghostresume.events.GoalSet;
import app.ghostresume.events.GoalTargetChanged;
import app.ghostresume.events.PauseCancelled;
import app.ghostresume.events.PauseScheduled;
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
 * Goals, pauses and streaks end to end, every figure worked out by hand. "Today" is Monday 30 November 2026
 * (13:00 in Paris); the ISO weeks of November start on the 2nd, 9th, 16th, 23rd and 30th.
 * <p>
 * The consistency score multiplies by m = 0.5^(1/4) = 0.840896 and adds v·(1 − m) = v·0.159104 per counted period.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = FixedClock.PROPERTY + "=2026-11-30T12:00:00Z")
class GoalsAndStreaksApiTest extends QueryServiceIntegrationTest {

    /** The seed scenario: a writer pitching through November. */
    private static final UUID WREN = UUID.randomUUID();
    private static final UUID WEEKLY = UUID.randomUUID();
    private static final UUID CUSTOM = UUID.randomUUID();
    private static final UUID MONTHLY = UUID.randomUUID();
    /** Pauses over a weekly goal; one of them is cancelled by a test. */
    private static final UUID PAZ = UUID.randomUUID();
    private static final UUID PAZ_GOAL = UUID.randomUUID();
    private static final UUID FLU = UUID.randomUUID();
    /** Activity streak across a paused day. */
    private static final UUID RAY = UUID.randomUUID();
    /** Target changes and a retired goal. */
    private static final UUID TESS = UUID.randomUUID();
    private static final UUID CHANGED = UUID.randomUUID();
    private static final UUID RETIRED = UUID.randomUUID();

    private final List<EventEnvelope> lastOfEachSeeker = new ArrayList<>();
    private EventEnvelope tessRetirement;

    @BeforeAll
    void publishHistories() {
        publishWren();
        publishPaz();
        publishRay();
        publishTess();
        lastOfEachSeeker.forEach(last -> eventually(() -> projected(last)));
    }

    /**
     * <pre>
     * ISO week   PITCH rejections        acceptances   other facts
     * Nov 2-8    Nov 4, Nov 6      (2)   Nov 5
     * Nov 9-15   Nov 10, 12, 13    (3)                 a JOB rejection on Nov 11
     * Nov 16-22  Nov 18            (1)   Nov 19        a pitch ghosted on Nov 20
     * Nov 23-29  Nov 27            (1)   Nov 28        an OTHER attempt withdrawn on Nov 26
     * </pre>
     * Attempts sent on Nov 2, 2, 3, 9, 9, 10, 10 (JOB), 16, 17, 17, 23, 24, 25 (withdrawn) and one logged as sent on
     * 30 October, corrected to 29 November: 14 in November.
     */
    private void publishWren() {
        register(WREN, "wren", ZoneId.of("Europe/Paris"), "2026-10-01");
        publish(new GoalSet(WEEKLY, WREN, GoalMetric.REJECTIONS, Category.PITCH, 3, GoalPeriod.WEEK,
                date("2026-11-02"), null), "2026-10-30");
        publish(new GoalSet(CUSTOM, WREN, GoalMetric.REJECTIONS, Category.PITCH, 12, GoalPeriod.CUSTOM,
                date("2026-11-01"), date("2026-11-30")), "2026-10-31");
        publish(new GoalSet(MONTHLY, WREN, GoalMetric.ATTEMPTS, null, 14, GoalPeriod.MONTH, date("2026-11-01"),
                null), "2026-11-01");
        rejected(attempt(WREN, Category.PITCH, "2026-11-02"), WREN, "2026-11-04");
        rejected(attempt(WREN, Category.PITCH, "2026-11-02"), WREN, "2026-11-06");
        accepted(attempt(WREN, Category.PITCH, "2026-11-03"), WREN, "2026-11-05");
        rejected(attempt(WREN, Category.PITCH, "2026-11-09"), WREN, "2026-11-10");
        rejected(attempt(WREN, Category.PITCH, "2026-11-09"), WREN, "2026-11-12");
        rejected(attempt(WREN, Category.PITCH, "2026-11-10"), WREN, "2026-11-13");
        rejected(attempt(WREN, Category.JOB, "2026-11-10"), WREN, "2026-11-11");
        rejected(attempt(WREN, Category.PITCH, "2026-11-16"), WREN, "2026-11-18");
        accepted(attempt(WREN, Category.PITCH, "2026-11-17"), WREN, "2026-11-19");
        publish(new AttemptGhosted(attempt(WREN, Category.PITCH, "2026-11-17"), WREN, date("2026-11-20"), false),
                "2026-11-20");
        rejected(attempt(WREN, Category.PITCH, "2026-11-23"), WREN, "2026-11-27");
        accepted(attempt(WREN, Category.PITCH, "2026-11-24"), WREN, "2026-11-28");
        publish(new AttemptWithdrawn(attempt(WREN, Category.OTHER, "2026-11-25"), WREN, date("2026-11-26"), null),
                "2026-11-26");
        UUID misdated = attempt(WREN, Category.PITCH, "2026-10-30");
        publish(new AttemptCorrected(misdated, WREN, null, null, null, null, date("2026-11-29"), null), "2026-11-29");
    }

    /**
     * A weekly goal of 2 attempts from the week of 26 October. Attempts: Oct 27 and 29; none in the week of
     * Nov 2, which is paused entirely (holiday); Nov 10 and 12; Nov 17, in a week partly paused on Nov 21-22; Nov 24,
     * in a week whose pause (flu, Nov 28-29) the test cancels.
     */
    private void publishPaz() {
        register(PAZ, "paz", ZoneId.of("UTC"), "2026-10-01");
        publish(new GoalSet(PAZ_GOAL, PAZ, GoalMetric.ATTEMPTS, null, 2, GoalPeriod.WEEK, date("2026-10-26"), null),
                "2026-10-26");
        publish(new PauseScheduled(UUID.randomUUID(), PAZ, date("2026-11-02"), date("2026-11-08"), "Holiday"),
                "2026-10-30");
        publish(new PauseScheduled(UUID.randomUUID(), PAZ, date("2026-11-21"), date("2026-11-22"), "Conference"),
                "2026-11-15");
        publish(new PauseScheduled(FLU, PAZ, date("2026-11-28"), date("2026-11-29"), "Flu"), "2026-11-28");
        for (String sentOn : List.of("2026-10-27", "2026-10-29", "2026-11-10", "2026-11-12", "2026-11-17",
                "2026-11-24")) {
            attempt(PAZ, Category.JOB, sentOn);
        }
    }

    /**
     * Active on Oct 20; Nov 20 and 21; Nov 24 to 27; Nov 28, a paused (sick) day; Nov 29. The attempt of Oct 20 is
     * ghosted automatically on Nov 23, which is not the seeker's doing.
     */
    private void publishRay() {
        register(RAY, "ray", ZoneId.of("UTC"), "2026-10-01");
        UUID old = attempt(RAY, Category.JOB, "2026-10-20");
        attempt(RAY, Category.JOB, "2026-11-20");
        attempt(RAY, Category.JOB, "2026-11-21");
        publish(new AttemptGhosted(old, RAY, date("2026-11-23"), true), "2026-11-23");
        rejected(attempt(RAY, Category.JOB, "2026-11-24"), RAY, "2026-11-25");
        publish(new AttemptGhosted(attempt(RAY, Category.JOB, "2026-11-26"), RAY, date("2026-11-27"), false),
                "2026-11-27");
        publish(new PauseScheduled(UUID.randomUUID(), RAY, date("2026-11-28"), date("2026-11-28"), "Sick"),
                "2026-11-28");
        accepted(attempt(RAY, Category.JOB, "2026-11-28"), RAY, "2026-11-29");
    }

    /**
     * Two weekly attempt goals from Nov 2. The first starts at 2, is raised to 3 from Nov 16 (changed during the
     * week of Nov 9, which keeps 2) and to 4 from Nov 30. The second (1 a week) is retired on Wednesday Nov 18.
     * Attempts: 2 in each of the weeks of Nov 2, 9 and 16, and 3 in the week of Nov 23.
     */
    private void publishTess() {
        register(TESS, "tess", ZoneId.of("UTC"), "2026-10-01");
        publish(new GoalSet(CHANGED, TESS, GoalMetric.ATTEMPTS, null, 2, GoalPeriod.WEEK, date("2026-11-02"), null),
                "2026-10-31");
        publish(new GoalSet(RETIRED, TESS, GoalMetric.ATTEMPTS, null, 1, GoalPeriod.WEEK, date("2026-11-02"), null),
                "2026-11-01");
        for (String sentOn : List.of("2026-11-02", "2026-11-04", "2026-11-09", "2026-11-11", "2026-11-16",
                "2026-11-18", "2026-11-23", "2026-11-24", "2026-11-25")) {
            attempt(TESS, Category.SUBMISSION, sentOn);
        }
        publish(new GoalTargetChanged(CHANGED, TESS, 3, date("2026-11-16")), "2026-11-11");
        tessRetirement = publish(new GoalRetired(RETIRED, TESS, date("2026-11-18")), "2026-11-18");
        publish(new GoalTargetChanged(CHANGED, TESS, 4, date("2026-11-30")), "2026-11-25");
    }

    @Test
    void theSeedScenarioCountsPitchRejectionsPerWeekAndOverTheCustomWindow() {
        JsonNode goals = goals(WREN, "");
        assertThat(goals).extracting(goal -> goal.get("goalId").asString())
                .containsExactly(WEEKLY.toString(), CUSTOM.toString(), MONTHLY.toString());

        JsonNode custom = goals.get(1);
        assertThat(custom.get("metric").asString()).isEqualTo("REJECTIONS");
        assertThat(custom.get("category").asString()).isEqualTo("PITCH");
        assertThat(custom.get("period").asString()).isEqualTo("CUSTOM");
        assertThat(custom.get("target").asInt()).isEqualTo(12);
        assertThat(custom.get("startsOn").asString()).isEqualTo("2026-11-01");
        assertThat(custom.get("endsOn").asString()).isEqualTo("2026-11-30");
        assertThat(custom.get("retired").asBoolean()).isFalse();
        // 2 + 3 + 1 + 1 pitch rejections; the JOB rejection, the acceptances and the ghosting do not count
        assertCurrent(custom, "2026-11-01", "2026-11-30", 7, 12, false);
        assertThat(custom.get("history")).isEmpty();
        assertStreak(custom, 0, 0);
        assertThat(custom.get("consistencyScore").asInt()).isZero();

        JsonNode weekly = goals.get(0);
        assertThat(history(weekly)).containsExactly("2026-11-02..2026-11-08 2/3 MISSED",
                "2026-11-09..2026-11-15 3/3 MET", "2026-11-16..2026-11-22 1/3 MISSED",
                "2026-11-23..2026-11-29 1/3 MISSED");
        assertCurrent(weekly, "2026-11-30", "2026-12-06", 0, 3, false);
        // MISSED, MET, MISSED, MISSED and an open week not met yet (which breaks nothing)
        assertStreak(weekly, 0, 1);
        // v = 2/3, 1, 1/3, 1/3: 0.106069; 0.089193 + 0.159104 = 0.248297; 0.208792 + 0.053035 = 0.261827;
        // 0.220169 + 0.053035 = 0.273204 → 27
        assertThat(weekly.get("consistencyScore").asInt()).isEqualTo(27);

        JsonNode monthly = goals.get(2);
        assertThat(monthly.get("category").isNull()).isTrue();
        // 14 attempts sent in November, the withdrawn one and the one corrected into November included
        assertCurrent(monthly, "2026-11-01", "2026-11-30", 14, 14, true);
        // the open month is met already: it counts for the streak and the score (0.159104 → 16)
        assertStreak(monthly, 1, 1);
        assertThat(monthly.get("consistencyScore").asInt()).isEqualTo(16);
    }

    @Test
    void theSeedScenariosActivityStreakEndsYesterdayWhileTodayIsOpen() {
        JsonNode streaks = api().get("/api/me/streaks", tokens().tokenFor(WREN)).body();

        // active Nov 2-6, 9-13, 16-20, 23-25 and 27-29 (a withdrawal on Nov 26 is no activity); today has none yet
        assertActivity(streaks, 3, 5, "2026-11-29");
        assertThat(streaks.get("goals")).extracting(goal -> goal.get("goalId").asString() + " "
                + goal.get("current").asInt() + "/" + goal.get("longest").asInt() + " "
                + goal.get("consistencyScore").asInt())
                .containsExactly(WEEKLY + " 0/1 27", CUSTOM + " 0/0 0", MONTHLY + " 1/1 16");
        assertThat(streaks.get("goals").get(0).get("metric").asString()).isEqualTo("REJECTIONS");
        assertThat(streaks.get("goals").get(0).get("period").asString()).isEqualTo("WEEK");
    }

    @Test
    void pausedWeeksNeitherBreakNorExtendTheStreakUntilTheirPauseIsCancelled() {
        JsonNode goal = goals(PAZ, "").get(0);
        assertThat(history(goal)).containsExactly("2026-10-26..2026-11-01 2/2 MET",
                "2026-11-02..2026-11-08 0/2 PAUSED", "2026-11-09..2026-11-15 2/2 MET",
                "2026-11-16..2026-11-22 1/2 PAUSED", "2026-11-23..2026-11-29 1/2 PAUSED");
        // MET, (PAUSED), MET, (PAUSED), (PAUSED): a run of 2
        assertStreak(goal, 2, 2);
        // only the met weeks count: 0.159104; 0.133790 + 0.159104 = 0.292894 → 29
        assertThat(goal.get("consistencyScore").asInt()).isEqualTo(29);

        EventEnvelope cancelled = publish(new PauseCancelled(FLU, PAZ), "2026-11-30");
        Response response = api().get("/api/me/goals", tokens().tokenFor(PAZ),
                Map.of("Consistency-Token", PAZ + "." + cancelled.aggregateSequence()));

        assertThat(response.status()).isEqualTo(200);
        goal = response.body().get("goals").get(0);
        assertThat(history(goal)).endsWith("2026-11-23..2026-11-29 1/2 MISSED");
        assertStreak(goal, 0, 2);
        // the half-met week counts now: 0.292894 · 0.840896 + 0.5 · 0.159104 = 0.246293 + 0.079552 = 0.325845 → 33
        assertThat(goal.get("consistencyScore").asInt()).isEqualTo(33);
        JsonNode pauses = api().get("/api/me/pauses", tokens().tokenFor(PAZ)).body().get("pauses");
        assertThat(pauses).extracting(pause -> pause.get("from").asString() + ".." + pause.get("to").asString() + " "
                + pause.get("reason").asString())
                .containsExactly("2026-11-02..2026-11-08 Holiday", "2026-11-21..2026-11-22 Conference");
        assertThat(pauses.get(0).get("pauseId").asString()).isNotBlank();
    }

    @Test
    void thePausedDayNeitherBreaksNorExtendsTheActivityStreakAndAutomaticGhostingsAreNoActivity() {
        JsonNode streaks = api().get("/api/me/streaks", tokens().tokenFor(RAY)).body();

        // Nov 24, 25, 26, 27 and 29: 5. Nov 28 is paused, so its attempt does not make it 6, and the automatic
        // ghosting of Nov 23 does not join the run of Nov 20-21 to it either
        assertActivity(streaks, 5, 5, "2026-11-29");
        assertThat(streaks.get("goals")).isEmpty();
        assertThat(api().get("/api/me/pauses", tokens().tokenFor(RAY)).body().get("pauses")).hasSize(1);
    }

    @Test
    void theActivityCalendarHoldsTheActiveDaysOfItsWindowAutomaticGhostingsLeftOut() {
        JsonNode activity = api().get("/api/me/activity?from=2026-11-20&to=2026-11-30", tokens().tokenFor(RAY))
                .body();

        assertThat(activity.get("from").asString()).isEqualTo("2026-11-20");
        assertThat(activity.get("to").asString()).isEqualTo("2026-11-30");
        // the paused Nov 28 is active all the same (the calendar marks pauses from /api/me/pauses); the automatic
        // ghosting of Nov 23 is no activity
        assertThat(activity.get("days")).extracting(day -> day.get("day").asString()).containsExactly("2026-11-20",
                "2026-11-21", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29");
        assertThat(activity.get("days")).allSatisfy(day -> assertThat(day.get("facts").asInt()).isPositive());
        assertThat(api().get("/api/me/activity?from=2026-11-24&to=2026-11-24", tokens().tokenFor(RAY)).body()
                .get("days")).extracting(day -> day.get("day").asString()).containsExactly("2026-11-24");
    }

    @Test
    void theActivityCalendarRefusesAWindowBackwardsOrLongerThan400Days() {
        Response backwards = api().get("/api/me/activity?from=2026-11-20&to=2026-11-19", tokens().tokenFor(RAY));
        Response tooLong = api().get("/api/me/activity?from=2025-01-01&to=2026-11-19", tokens().tokenFor(RAY));

        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().get("errors").get(0).get("field").asString()).isEqualTo("from");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("errors").get(0).get("field").asString()).isEqualTo("to");
    }

    @Test
    void aTargetChangeAppliesFromTheNextPeriodOnAndTheLatestChangeWins() {
        JsonNode goals = goals(TESS, "");
        assertThat(goals).hasSize(1);
        JsonNode goal = goals.get(0);

        assertThat(goal.get("goalId").asString()).isEqualTo(CHANGED.toString());
        assertThat(goal.get("target").asInt()).isEqualTo(4);
        assertThat(history(goal)).containsExactly("2026-11-02..2026-11-08 2/2 MET", "2026-11-09..2026-11-15 2/2 MET",
                "2026-11-16..2026-11-22 2/3 MISSED", "2026-11-23..2026-11-29 3/3 MET");
        assertCurrent(goal, "2026-11-30", "2026-12-06", 0, 4, false);
        assertStreak(goal, 1, 2);
        // v = 1, 1, 2/3, 1: 0.159104; 0.292894; 0.246293 + 0.106069 = 0.352362; 0.296301 + 0.159104 = 0.455405 → 46
        assertThat(goal.get("consistencyScore").asInt()).isEqualTo(46);
    }

    @Test
    void aRetiredGoalKeepsTheWeeksThatEndedBeforeItsRetirementAndIsListedOnlyOnRequest() {
        Response response = api().get("/api/me/goals?includeRetired=true", tokens().tokenFor(TESS),
                Map.of("Consistency-Token", RETIRED + "." + tessRetirement.aggregateSequence()));
        assertThat(response.status()).isEqualTo(200);
        JsonNode goals = response.body().get("goals");
        assertThat(goals).hasSize(2);
        JsonNode retired = goals.get(1);

        assertThat(retired.get("goalId").asString()).isEqualTo(RETIRED.toString());
        assertThat(retired.get("retired").asBoolean()).isTrue();
        // retired on Wednesday Nov 18: the week of Nov 16 and everything after it are gone
        assertThat(history(retired)).containsExactly("2026-11-02..2026-11-08 2/1 MET",
                "2026-11-09..2026-11-15 2/1 MET");
        assertThat(retired.get("current").isNull()).isTrue();
        assertStreak(retired, 2, 2);
        assertThat(retired.get("consistencyScore").asInt()).isEqualTo(29);

        assertThat(goals(TESS, "?includeRetired=false")).hasSize(1);
        assertThat(api().get("/api/me/streaks", tokens().tokenFor(TESS)).body().get("goals")).hasSize(1);
    }

    @Test
    void aSeekerWithoutGoalsOrActivityHasEmptyAnswers() {
        UUID nobody = UUID.randomUUID();
        assertThat(goals(nobody, "")).isEmpty();
        JsonNode streaks = api().get("/api/me/streaks", tokens().tokenFor(nobody)).body();
        assertActivity(streaks, 0, 0, null);
        assertThat(api().get("/api/me/pauses", tokens().tokenFor(nobody)).body().get("pauses")).isEmpty();
    }

    // --- publishing

    private void register(UUID seeker, String handle, ZoneId zone, String on) {
        publish(new SeekerRegistered(seeker, handle, handle.toUpperCase(), zone), on);
    }

    private UUID attempt(UUID seeker, Category category, String sentOn) {
        UUID attemptId = UUID.randomUUID();
        publish(new AttemptLogged(attemptId, seeker, category, "Target", "Title", null, date(sentOn), null), sentOn);
        return attemptId;
    }

    private void rejected(UUID attemptId, UUID seeker, String on) {
        publish(new RejectionReceived(attemptId, seeker, date(on), null, null, null), on);
    }

    private void accepted(UUID attemptId, UUID seeker, String on) {
        publish(new AcceptanceReceived(attemptId, seeker, date(on), null), on);
    }

    /** Publishes at noon UTC of {@code on}, and remembers the seeker's latest event. */
    private EventEnvelope publish(SeekerEvent event, String on) {
        EventEnvelope envelope = events().publish(event, Instant.parse(on + "T12:00:00Z"));
        lastOfEachSeeker.removeIf(last -> last.seekerId().equals(event.seekerId()));
        lastOfEachSeeker.add(envelope);
        return envelope;
    }

    private boolean projected(EventEnvelope envelope) {
        return count("SELECT count(*) FROM seeker_event WHERE event_id = '" + envelope.eventId() + "'") == 1;
    }

    // --- reading

    private JsonNode goals(UUID seeker, String query) {
        Response response = api().get("/api/me/goals" + query, tokens().tokenFor(seeker));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body().get("goals");
    }

    /** "start..end count/target STATUS" per ended period. */
    private static List<String> history(JsonNode goal) {
        List<String> periods = new ArrayList<>();
        goal.get("history").forEach(period -> periods.add(period.get("periodStart").asString() + ".."
                + period.get("periodEnd").asString() + " " + period.get("count").asLong() + "/"
                + period.get("target").asInt() + " " + period.get("status").asString()));
        return periods;
    }

    private static void assertCurrent(JsonNode goal, String start, String end, long count, int target, boolean met) {
        JsonNode current = goal.get("current");
        assertThat(current.get("periodStart").asString()).isEqualTo(start);
        assertThat(current.get("periodEnd").asString()).isEqualTo(end);
        assertThat(current.get("count").asLong()).as("count").isEqualTo(count);
        assertThat(current.get("target").asInt()).as("target").isEqualTo(target);
        assertThat(current.get("met").asBoolean()).as("met").isEqualTo(met);
    }

    private static void assertStreak(JsonNode goal, int current, int longest) {
        assertThat(goal.get("streak").get("current").asInt()).as("current streak").isEqualTo(current);
        assertThat(goal.get("streak").get("longest").asInt()).as("longest streak").isEqualTo(longest);
    }

    private static void assertActivity(JsonNode streaks, int current, int longest, String lastActiveOn) {
        JsonNode activity = streaks.get("activity");
        assertThat(activity.get("current").asInt()).as("current").isEqualTo(current);
        assertThat(activity.get("longest").asInt()).as("longest").isEqualTo(longest);
        if (lastActiveOn == null) {
            assertThat(activity.get("lastActiveOn").isNull()).isTrue();
        }
        else {
            assertThat(activity.get("lastActiveOn").asString()).isEqualTo(lastActiveOn);
        }
    }

    private static LocalDate date(String date) {
        return LocalDate.parse(date);
    }
}
