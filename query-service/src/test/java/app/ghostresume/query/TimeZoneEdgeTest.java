package app.ghostresume.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.Category;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.events.GoalPeriod;
import app.ghostresume.events.GoalSet;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.query.support.FixedClock;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Today" is the seeker's own: at 11:30 UTC on Sunday 8 November 2026 it is already Monday 9 November, 00:30, in
 * Auckland (UTC+13 in summer). Both seekers have a weekly goal of one attempt and sent one on Sunday the 8th.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = FixedClock.PROPERTY + "=2026-11-08T11:30:00Z")
class TimeZoneEdgeTest extends QueryServiceIntegrationTest {

    private static final UUID KIRI = UUID.randomUUID();
    private static final UUID UMA = UUID.randomUUID();

    @BeforeAll
    void publish() {
        for (UUID seeker : new UUID[] { KIRI, UMA }) {
            ZoneId zone = ZoneId.of(seeker.equals(KIRI) ? "Pacific/Auckland" : "UTC");
            events().publish(new SeekerRegistered(seeker, seeker.equals(KIRI) ? "kiri" : "uma", null, zone),
                    Instant.parse("2026-10-01T00:00:00Z"));
            events().publish(new GoalSet(UUID.randomUUID(), seeker, GoalMetric.ATTEMPTS, null, 1, GoalPeriod.WEEK,
                    LocalDate.parse("2026-11-02"), null), Instant.parse("2026-11-01T00:00:00Z"));
            events().publish(new AttemptLogged(UUID.randomUUID(), seeker, Category.AUDITION, "Theatre", "Role",
                    null, LocalDate.parse("2026-11-08"), null), Instant.parse("2026-11-08T09:00:00Z"));
        }
        eventually(() -> count("SELECT count(*) FROM attempt_board") == 2 && count("SELECT count(*) FROM goal") == 2);
    }

    @Test
    void inAucklandTheSundayAttemptClosesLastWeekAndANewWeekIsOpen() {
        JsonNode goal = goal(KIRI);

        assertThat(goal.get("history")).hasSize(1);
        JsonNode ended = goal.get("history").get(0);
        assertThat(ended.get("periodStart").asString()).isEqualTo("2026-11-02");
        assertThat(ended.get("periodEnd").asString()).isEqualTo("2026-11-08");
        assertThat(ended.get("count").asInt()).isEqualTo(1);
        assertThat(ended.get("status").asString()).isEqualTo("MET");
        assertThat(goal.get("current").get("periodStart").asString()).isEqualTo("2026-11-09");
        assertThat(goal.get("current").get("periodEnd").asString()).isEqualTo("2026-11-15");
        assertThat(goal.get("current").get("count").asInt()).isZero();
        assertThat(goal.get("current").get("met").asBoolean()).isFalse();
        assertThat(goal.get("streak").get("current").asInt()).isEqualTo(1);
        assertThat(goal.get("consistencyScore").asInt()).isEqualTo(16);
    }

    @Test
    void inUtcTheSameWeekIsStillOpenAndAlreadyMet() {
        JsonNode goal = goal(UMA);

        assertThat(goal.get("history")).isEmpty();
        assertThat(goal.get("current").get("periodStart").asString()).isEqualTo("2026-11-02");
        assertThat(goal.get("current").get("periodEnd").asString()).isEqualTo("2026-11-08");
        assertThat(goal.get("current").get("count").asInt()).isEqualTo(1);
        assertThat(goal.get("current").get("met").asBoolean()).isTrue();
        assertThat(goal.get("streak").get("current").asInt()).isEqualTo(1);
        assertThat(goal.get("consistencyScore").asInt()).isEqualTo(16);
    }

    @Test
    void bothWereActiveOnTheirSundayWhichIsTodayInUtcAndYesterdayInAuckland() {
        for (UUID seeker : new UUID[] { KIRI, UMA }) {
            JsonNode activity = api().get("/api/me/streaks", tokens().tokenFor(seeker)).body().get("activity");
            assertThat(activity.get("current").asInt()).isEqualTo(1);
            assertThat(activity.get("lastActiveOn").asString()).isEqualTo("2026-11-08");
        }
    }

    private JsonNode goal(UUID seeker) {
        JsonNode goals = api().get("/api/me/goals", tokens().tokenFor(seeker)).body().get("goals");
        assertThat(goals).hasSize(1);
        return goals.get(0);
    }
}
