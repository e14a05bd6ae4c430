package app.ghostresume.command.goal;

import java.time.LocalDate;
import java.util.UUID;

import app.ghostresume.command.goal.GoalCommands.ChangeGoalTarget;
import app.ghostresume.command.goal.GoalCommands.RetireGoal;
import app.ghostresume.command.goal.GoalCommands.SetGoal;
import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.events.Category;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.events.GoalPeriod;
import app.ghostresume.events.GoalRetired;
import app.ghostresume.events.GoalSet;
import app.ghostresume.events.GoalTargetChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static app.ghostresume.command.RuleViolations.expectInvalid;
import static app.ghostresume.command.RuleViolations.expectNotFound;
import static app.ghostresume.command.RuleViolations.expectViolation;

class GoalAggregateTest {

    private static final UUID GOAL = UUID.randomUUID();
    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID STRANGER = UUID.randomUUID();
    /** A Wednesday; the next Monday is 11-23, the next month starts 12-01. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);
    private static final LocalDate NEXT_MONDAY = LocalDate.of(2026, 11, 23);

    private static final GoalSet WEEKLY = new GoalSet(GOAL, OWNER, GoalMetric.REJECTIONS, Category.PITCH, 3,
            GoalPeriod.WEEK, LocalDate.of(2026, 11, 2), null);

    private AggregateTestFixture<GoalAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GoalAggregate.class);
    }

    @Nested
    class Setting {

        @Test
        void setsAWeeklyGoalForEveryCategory() {
            fixture.givenNoPriorActivity()
                    .when(set(null, 3, GoalPeriod.WEEK, LocalDate.of(2026, 10, 19), null))
                    .expectEvents(new GoalSet(GOAL, OWNER, GoalMetric.REJECTIONS, null, 3, GoalPeriod.WEEK,
                            LocalDate.of(2026, 10, 19), null))
                    .expectResultMessagePayload(0L);
        }

        @Test
        void setsACustomGoal() {
            fixture.givenNoPriorActivity()
                    .when(set(Category.PITCH, 12, GoalPeriod.CUSTOM, LocalDate.of(2026, 11, 1),
                            LocalDate.of(2026, 11, 30)))
                    .expectEvents(new GoalSet(GOAL, OWNER, GoalMetric.REJECTIONS, Category.PITCH, 12,
                            GoalPeriod.CUSTOM, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));
        }

        @Test
        void theTargetIsOneToAThousand() {
            expectInvalid(fixture.givenNoPriorActivity().when(set(null, 0, GoalPeriod.WEEK, TODAY, null)), "target");
            expectInvalid(fixture.givenNoPriorActivity().when(set(null, 1001, GoalPeriod.WEEK, TODAY, null)),
                    "target");
            fixture.givenNoPriorActivity().when(set(null, 1, GoalPeriod.WEEK, TODAY, null))
                    .expectSuccessfulHandlerExecution();
            fixture.givenNoPriorActivity().when(set(null, 1000, GoalPeriod.MONTH, TODAY, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aCustomGoalNeedsAnEnd() {
            expectInvalid(fixture.givenNoPriorActivity().when(set(null, 5, GoalPeriod.CUSTOM, TODAY, null)),
                    "endsOn");
        }

        @Test
        void theEndIsNotBeforeTheStart() {
            expectInvalid(fixture.givenNoPriorActivity()
                    .when(set(null, 5, GoalPeriod.CUSTOM, TODAY, TODAY.minusDays(1))), "endsOn");
            expectInvalid(fixture.givenNoPriorActivity()
                    .when(set(null, 5, GoalPeriod.WEEK, TODAY, TODAY.minusDays(1))), "endsOn");
            fixture.givenNoPriorActivity().when(set(null, 5, GoalPeriod.CUSTOM, TODAY, TODAY))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aCustomWindowSpansAtMost366DaysButWeeksAndMonthsMayRunLonger() {
            fixture.givenNoPriorActivity().when(set(null, 5, GoalPeriod.CUSTOM, TODAY, TODAY.plusDays(365)))
                    .expectSuccessfulHandlerExecution();
            expectInvalid(fixture.givenNoPriorActivity()
                    .when(set(null, 5, GoalPeriod.CUSTOM, TODAY, TODAY.plusDays(366))), "endsOn");
            fixture.givenNoPriorActivity().when(set(null, 5, GoalPeriod.WEEK, TODAY, TODAY.plusYears(3)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void datesArePlausible() {
            expectInvalid(fixture.givenNoPriorActivity()
                    .when(set(null, 5, GoalPeriod.WEEK, LocalDate.of(1899, 12, 31), null)), "startsOn");
            expectInvalid(fixture.givenNoPriorActivity()
                    .when(set(null, 5, GoalPeriod.MONTH, TODAY, TODAY.plusYears(100).plusDays(1))), "endsOn");
            expectInvalid(fixture.givenNoPriorActivity()
                    .when(set(null, 5, GoalPeriod.WEEK, TODAY.plusYears(101), null)), "startsOn");
        }

        @Test
        void aGoalLooksBackAtMostAYear() {
            expectInvalid(fixture.givenNoPriorActivity()
                    .when(set(null, 5, GoalPeriod.WEEK, TODAY.minusYears(1).minusDays(1), null)), "startsOn");
            fixture.givenNoPriorActivity()
                    .when(set(null, 5, GoalPeriod.WEEK, TODAY.minusYears(1), null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void metricPeriodAndStartAreRequired() {
            expectInvalid(fixture.givenNoPriorActivity().when(new SetGoal(GOAL, OWNER, TODAY, null, null, 3,
                    GoalPeriod.WEEK, TODAY, null)), "metric");
            expectInvalid(fixture.givenNoPriorActivity().when(new SetGoal(GOAL, OWNER, TODAY,
                    GoalMetric.ATTEMPTS, null, 3, null, TODAY, null)), "period");
            expectInvalid(fixture.givenNoPriorActivity().when(new SetGoal(GOAL, OWNER, TODAY,
                    GoalMetric.ATTEMPTS, null, 3, GoalPeriod.WEEK, null, null)), "startsOn");
        }
    }

    @Nested
    class ChangingTheTarget {

        @Test
        void aWeeklyGoalTakesTheNewTargetFromNextMonday() {
            fixture.given(WEEKLY)
                    .when(change(OWNER, 5))
                    .expectEvents(new GoalTargetChanged(GOAL, OWNER, 5, NEXT_MONDAY))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void onASundayNextMondayIsTomorrow() {
            fixture.given(WEEKLY)
                    .when(new ChangeGoalTarget(GOAL, OWNER, LocalDate.of(2026, 11, 22), 5))
                    .expectEvents(new GoalTargetChanged(GOAL, OWNER, 5, NEXT_MONDAY));
        }

        @Test
        void aMonthlyGoalTakesTheNewTargetFromTheFirstOfNextMonth() {
            fixture.given(goal(GoalPeriod.MONTH, LocalDate.of(2026, 9, 15), null))
                    .when(change(OWNER, 5))
                    .expectEvents(new GoalTargetChanged(GOAL, OWNER, 5, LocalDate.of(2026, 12, 1)));
        }

        @Test
        void aGoalNotStartedYetTakesTheNewTargetFromItsFirstPeriod() {
            fixture.given(goal(GoalPeriod.WEEK, LocalDate.of(2026, 12, 9), null))
                    .when(change(OWNER, 5))
                    .expectEvents(new GoalTargetChanged(GOAL, OWNER, 5, LocalDate.of(2026, 12, 7)));
            fixture.given(goal(GoalPeriod.MONTH, LocalDate.of(2027, 2, 10), null))
                    .when(change(OWNER, 5))
                    .expectEvents(new GoalTargetChanged(GOAL, OWNER, 5, LocalDate.of(2027, 2, 1)));
        }

        @Test
        void aGoalWhoseFirstWeekHasBegunKeepsItsTargetForThatWeek() {
            fixture.given(goal(GoalPeriod.WEEK, LocalDate.of(2026, 11, 20), null))
                    .when(change(OWNER, 5))
                    .expectEvents(new GoalTargetChanged(GOAL, OWNER, 5, NEXT_MONDAY));
        }

        @Test
        void aCustomGoalTakesTheNewTargetForItsOnePeriod() {
            fixture.given(goal(GoalPeriod.CUSTOM, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)))
                    .when(change(OWNER, 20))
                    .expectEvents(new GoalTargetChanged(GOAL, OWNER, 20, LocalDate.of(2026, 11, 1)));
        }

        @Test
        void theSameTargetRecordsNothing() {
            fixture.given(WEEKLY)
                    .when(change(OWNER, 3))
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void theLatestTargetCountsEvenBeforeItApplies() {
            fixture.given(WEEKLY, new GoalTargetChanged(GOAL, OWNER, 5, NEXT_MONDAY))
                    .when(change(OWNER, 3))
                    .expectEvents(new GoalTargetChanged(GOAL, OWNER, 3, NEXT_MONDAY));
            fixture.given(WEEKLY, new GoalTargetChanged(GOAL, OWNER, 5, NEXT_MONDAY))
                    .when(change(OWNER, 5))
                    .expectNoEvents();
        }

        @Test
        void anEndedGoalKeepsItsTarget() {
            expectViolation(fixture.given(goal(GoalPeriod.WEEK, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 10)))
                    .when(change(OWNER, 5)), ProblemType.GOAL_STATE_CONFLICT);
            expectViolation(fixture.given(goal(GoalPeriod.MONTH, LocalDate.of(2026, 9, 5), LocalDate.of(2026, 10, 5)))
                    .when(change(OWNER, 5)), ProblemType.GOAL_STATE_CONFLICT);
            expectViolation(fixture.given(goal(GoalPeriod.CUSTOM, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 17)))
                    .when(change(OWNER, 5)), ProblemType.GOAL_STATE_CONFLICT);
        }

        @Test
        void aGoalInItsLastPeriodHasNoPeriodLeftToChange() {
            expectViolation(fixture.given(goal(GoalPeriod.WEEK, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 17)))
                    .when(change(OWNER, 5)), ProblemType.GOAL_STATE_CONFLICT);
            expectViolation(fixture.given(goal(GoalPeriod.MONTH, LocalDate.of(2026, 9, 5), LocalDate.of(2026, 11, 2)))
                    .when(change(OWNER, 5)), ProblemType.GOAL_STATE_CONFLICT);
        }

        @Test
        void aGoalRunningOnStillChanges() {
            fixture.given(goal(GoalPeriod.WEEK, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 23)))
                    .when(change(OWNER, 5))
                    .expectEvents(new GoalTargetChanged(GOAL, OWNER, 5, NEXT_MONDAY));
            fixture.given(goal(GoalPeriod.CUSTOM, LocalDate.of(2026, 11, 1), TODAY))
                    .when(change(OWNER, 5))
                    .expectEvents(new GoalTargetChanged(GOAL, OWNER, 5, LocalDate.of(2026, 11, 1)));
        }

        @Test
        void aRetiredGoalKeepsItsTarget() {
            expectViolation(fixture.given(WEEKLY, new GoalRetired(GOAL, OWNER, TODAY)).when(change(OWNER, 5)), ProblemType.GOAL_STATE_CONFLICT);
        }

        @Test
        void theNewTargetIsOneToAThousand() {
            expectInvalid(fixture.given(WEEKLY).when(change(OWNER, 0)), "target");
            expectInvalid(fixture.given(WEEKLY).when(change(OWNER, 1001)), "target");
        }
    }

    @Nested
    class Retiring {

        @Test
        void retiresAGoalToday() {
            fixture.given(WEEKLY)
                    .when(new RetireGoal(GOAL, OWNER, TODAY))
                    .expectEvents(new GoalRetired(GOAL, OWNER, TODAY))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void anEndedGoalMayStillBeRetired() {
            fixture.given(goal(GoalPeriod.CUSTOM, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)))
                    .when(new RetireGoal(GOAL, OWNER, TODAY))
                    .expectEvents(new GoalRetired(GOAL, OWNER, TODAY));
        }

        @Test
        void aGoalIsRetiredOnce() {
            expectViolation(fixture.given(WEEKLY, new GoalRetired(GOAL, OWNER, TODAY.minusDays(1)))
                    .when(new RetireGoal(GOAL, OWNER, TODAY)), ProblemType.GOAL_STATE_CONFLICT);
        }
    }

    @Test
    void toAnyoneButItsOwnerTheGoalDoesNotExist() {
        expectNotFound(fixture.given(WEEKLY).when(change(STRANGER, 5)));
        expectNotFound(fixture.given(WEEKLY).when(new RetireGoal(GOAL, STRANGER, TODAY)));
        expectNotFound(fixture.given(WEEKLY, new GoalRetired(GOAL, OWNER, TODAY)).when(change(STRANGER, 5)));
    }

    private static SetGoal set(Category category, int target, GoalPeriod period, LocalDate startsOn,
            LocalDate endsOn) {
        return new SetGoal(GOAL, OWNER, TODAY, GoalMetric.REJECTIONS, category, target, period, startsOn, endsOn);
    }

    private static GoalSet goal(GoalPeriod period, LocalDate startsOn, LocalDate endsOn) {
        return new GoalSet(GOAL, OWNER, GoalMetric.ATTEMPTS, null, 3, period, startsOn, endsOn);
    }

    private static ChangeGoalTarget change(UUID seeker, int target) {
        return new ChangeGoalTarget(GOAL, seeker, TODAY, target);
    }
}
