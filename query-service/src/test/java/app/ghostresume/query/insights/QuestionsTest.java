package app.ghostresume.query.insights;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.ghostresume.events.Category;
import app.ghostresume.events.ChallengeCreated;
import app.ghostresume.events.ChallengeGoal;
import app.ghostresume.events.ChallengeJoined;
import app.ghostresume.events.ChallengeVisibility;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.events.GoalPeriod;
import app.ghostresume.events.GoalSet;
import app.ghostresume.events.SeekerErased;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.query.support.History;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each question over a small community, with a threshold of 3 seekers: what it counts and what it suppresses. */
class QuestionsTest {

    private static final Privacy THREE = new Privacy(3);
    private static final LocalDate TODAY = LocalDate.parse("2026-03-20");

    private final History history = new History();
    private final List<UUID> seekers = new ArrayList<>();

    private UUID seeker() {
        UUID seeker = UUID.randomUUID();
        history.at("2025-01-01", new SeekerRegistered(seeker, "s" + seekers.size(), "S", ZoneId.of("UTC")));
        seekers.add(seeker);
        return seeker;
    }

    /** {@code nos} rejections (sent on the 1st, received on the 11th, each with that sting), then a yes. */
    private void nosThenYes(UUID seeker, Category category, int nos, int sting) {
        for (int i = 0; i < nos; i++) {
            history.rejected(seeker, history.attempt(seeker, category, "T" + i, "2025-02-01"), "2025-02-11", sting);
        }
        history.accepted(seeker, history.attempt(seeker, category, "Yes", "2025-02-01"), "2025-02-21");
    }

    private CommunityHistory replayed() {
        CommunityHistory community = new CommunityHistory(TODAY);
        history.all().stream().map(CommunityHistory::withoutPersonalFields).forEach(community::accept);
        return community;
    }

    @Test
    void theCriticalMassOfNosPerCategory() {
        for (int nos : List.of(1, 2, 6)) {
            nosThenYes(seeker(), Category.JOB, nos, 3);
        }
        nosThenYes(seeker(), Category.GRANT, 4, 3);
        UUID erased = seeker();
        nosThenYes(erased, Category.GRANT, 4, 3);
        nosThenYes(seeker(), Category.GRANT, 4, 3);
        history.at("2025-06-01", new SeekerErased(erased, LocalDate.parse("2025-06-01")));

        Table table = new CriticalMassOfNos().answer(replayed(), THREE);
        // JOB: 1, 2 and 6 nos; GRANT had three seekers, but one erased the account
        assertThat(table.rows()).singleElement().satisfies(row -> {
            // three seekers are too few for a median with three on each side of it
            assertThat(row.subList(0, 4)).containsExactly("JOB", 3L, null, null);
            // no bucket covers three seekers (two had 1-4 nos, one 5-9): each is suppressed
            assertThat(row.subList(4, 10)).containsOnlyNulls();
        });
        assertThat(table.suppressedRows()).isEqualTo(1);
    }

    @Test
    void aHiddenPartCannotBeHadBySubtraction() {
        Privacy five = new Privacy(5);
        assertThat(five.parts(List.of(6L, 1L))).containsExactly(null, null);
        assertThat(five.parts(List.of(6L, 5L, 1L, 0L))).containsExactly(6L, null, null, null);
        assertThat(five.parts(List.of(6L, 5L, 0L))).containsExactly(6L, 5L, null);
        assertThat(five.percentile(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.5)).isEqualTo(5.5);
        assertThat(five.percentile(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), 0.5)).isNull();
    }

    @Test
    void daysToAResponse() {
        for (int i = 0; i < 3; i++) {
            nosThenYes(seeker(), Category.PITCH, 1, 3);
        }
        Table table = new DaysToResponse().answer(replayed(), THREE);
        assertThat(table.rows()).containsExactly(List.of("PITCH", 3L, 6L, 15.0, 10.0, 20.0));
    }

    @Test
    void theStingOfTheNthRejection() {
        for (int i = 0; i < 3; i++) {
            UUID seeker = seeker();
            history.rejected(seeker, history.attempt(seeker, Category.JOB, "A", "2025-02-01"), "2025-02-02", 5);
            history.rejected(seeker, history.attempt(seeker, Category.JOB, "B", "2025-02-01"), "2025-02-03", 3);
            if (i == 0) {
                history.rejected(seeker, history.attempt(seeker, Category.JOB, "C", "2025-02-01"), "2025-02-04", 1);
            }
        }
        Table table = new StingByNthRejection().answer(replayed(), THREE);
        assertThat(table.rows()).containsExactly(List.of("1st rejection", 3L, 3L, 5.0),
                List.of("2nd rejection", 3L, 3L, 3.0));
        assertThat(table.suppressedRows()).isEqualTo(1);
    }

    @Test
    void goalTargetsAgainstPeriodsMet() {
        for (int i = 0; i < 3; i++) {
            UUID seeker = seeker();
            history.at("2025-02-01", new GoalSet(UUID.randomUUID(), seeker, GoalMetric.REJECTIONS, null, 1,
                    GoalPeriod.WEEK, LocalDate.parse("2025-02-03"), LocalDate.parse("2025-02-16")));
            // a rejection in the first of the two weeks only
            history.rejected(seeker, history.attempt(seeker, Category.JOB, "A", "2025-02-03"), "2025-02-04", 2);
        }
        UUID ambitious = seeker();
        history.at("2025-02-01", new GoalSet(UUID.randomUUID(), ambitious, GoalMetric.ATTEMPTS, null, 100,
                GoalPeriod.WEEK, LocalDate.parse("2025-02-03"), LocalDate.parse("2025-02-09")));
        Table table = new GoalTargetsMet().answer(replayed(), THREE);
        assertThat(table.rows()).containsExactly(List.of("REJECTIONS per WEEK, target 1-2", 3L, 3L, 6L, 3L, 0.5));
        assertThat(table.suppressedRows()).isEqualTo(1);
    }

    @Test
    void challengeCompletionOfEndedChallenges() {
        UUID challenge = UUID.randomUUID();
        List<UUID> members = List.of(seeker(), seeker(), seeker());
        history.at("2025-01-20", new ChallengeCreated(challenge, members.get(0), "Feb", null,
                LocalDate.parse("2025-02-01"), LocalDate.parse("2025-02-28"),
                new ChallengeGoal(GoalMetric.REJECTIONS, null, 2, ChallengeGoal.Per.TOTAL),
                ChallengeVisibility.PUBLIC, null, LocalDate.parse("2025-01-20")));
        for (UUID member : members) {
            history.at("2025-01-21", new ChallengeJoined(challenge, member, LocalDate.parse("2025-01-21")));
        }
        for (int i = 0; i < 2; i++) {
            UUID first = members.get(0);
            history.rejected(first, history.attempt(first, Category.JOB, "A" + i, "2025-02-02"), "2025-02-03", 2);
        }
        Table table = new ChallengeCompletion().answer(replayed(), THREE);
        assertThat(table.rows()).containsExactly(List.of("REJECTIONS per TOTAL", 3L, 1L, 3L, 1L, 0.333));
    }
}
