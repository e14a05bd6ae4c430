package app.ghostresume.command.challenge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.ghostresume.command.challenge.ChallengeCommands.CreateChallenge;
import app.ghostresume.command.challenge.ChallengeCommands.JoinChallenge;
import app.ghostresume.command.challenge.ChallengeCommands.LeaveChallenge;
import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.events.Category;
import app.ghostresume.events.ChallengeCreated;
import app.ghostresume.events.ChallengeGoal;
import app.ghostresume.events.ChallengeJoined;
import app.ghostresume.events.ChallengeLeft;
import app.ghostresume.events.ChallengeVisibility;
import app.ghostresume.events.GoalMetric;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static app.ghostresume.command.RuleViolations.expectInvalid;
import static app.ghostresume.command.RuleViolations.expectNotFound;
import static app.ghostresume.command.RuleViolations.expectViolation;
import static org.assertj.core.api.Assertions.assertThat;

class ChallengeAggregateTest {

    private static final UUID CHALLENGE = UUID.randomUUID();
    private static final UUID CREATOR = UUID.randomUUID();
    private static final UUID JOINER = UUID.randomUUID();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);
    private static final LocalDate STARTS = LocalDate.of(2026, 11, 1);
    private static final LocalDate ENDS = LocalDate.of(2026, 11, 30);
    private static final ChallengeGoal GOAL = new ChallengeGoal(GoalMetric.REJECTIONS, Category.PITCH, 3,
            ChallengeGoal.Per.WEEK);
    private static final String CODE = "K7QX2MPA";

    private static final ChallengeCreated PUBLIC = new ChallengeCreated(CHALLENGE, CREATOR, "November of NO", null,
            STARTS, ENDS, GOAL, ChallengeVisibility.PUBLIC, null, TODAY);
    private static final ChallengeCreated INVITE = new ChallengeCreated(CHALLENGE, CREATOR, "Pitch pals",
            "just us", STARTS, ENDS, GOAL, ChallengeVisibility.INVITE, CODE, TODAY);
    private static final ChallengeJoined CREATOR_JOINED = new ChallengeJoined(CHALLENGE, CREATOR, STARTS);

    private AggregateTestFixture<ChallengeAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChallengeAggregate.class);
    }

    @Nested
    class Creating {

        @Test
        void createsAPublicChallengeWithoutACodeAndTheCreatorJoinsIt() {
            fixture.givenNoPriorActivity()
                    .when(create("November of NO", null, STARTS, ENDS, GOAL, ChallengeVisibility.PUBLIC, CODE))
                    .expectEvents(new ChallengeCreated(CHALLENGE, CREATOR, "November of NO", null, STARTS, ENDS, GOAL,
                            ChallengeVisibility.PUBLIC, null, TODAY), new ChallengeJoined(CHALLENGE, CREATOR, TODAY))
                    // the creator's own last event, which their consistency token waits for
                    .expectResultMessagePayload(1L);
        }

        @Test
        void anInviteChallengeKeepsItsCode() {
            fixture.givenNoPriorActivity()
                    .when(create("Pitch pals", "just us", STARTS, ENDS, GOAL, ChallengeVisibility.INVITE, CODE))
                    .expectEvents(INVITE, new ChallengeJoined(CHALLENGE, CREATOR, TODAY));
        }

        @Test
        void theNameIsOneToAHundredCharactersAndTheDescriptionAtMostAThousand() {
            expectInvalid(fixture.givenNoPriorActivity().when(create(" ", null, STARTS, ENDS, GOAL,
                    ChallengeVisibility.PUBLIC, null)), "name");
            expectInvalid(fixture.givenNoPriorActivity().when(create("x".repeat(101), null, STARTS, ENDS, GOAL,
                    ChallengeVisibility.PUBLIC, null)), "name");
            expectInvalid(fixture.givenNoPriorActivity().when(create("x", "y".repeat(1001), STARTS, ENDS, GOAL,
                    ChallengeVisibility.PUBLIC, null)), "description");
            fixture.givenNoPriorActivity().when(create("x".repeat(100), "y".repeat(1000), STARTS, ENDS, GOAL,
                    ChallengeVisibility.PUBLIC, null)).expectSuccessfulHandlerExecution();
        }

        @Test
        void theWindowIsInOrderAtMost366DaysAndNotOverBeforeToday() {
            expectInvalid(fixture.givenNoPriorActivity().when(create("x", null, ENDS, STARTS, GOAL,
                    ChallengeVisibility.PUBLIC, null)), "endsOn");
            expectInvalid(fixture.givenNoPriorActivity().when(create("x", null, TODAY, TODAY.plusDays(366), GOAL,
                    ChallengeVisibility.PUBLIC, null)), "endsOn");
            expectInvalid(fixture.givenNoPriorActivity().when(create("x", null, STARTS, TODAY.minusDays(1), GOAL,
                    ChallengeVisibility.PUBLIC, null)), "endsOn");
            fixture.givenNoPriorActivity().when(create("x", null, TODAY, TODAY.plusDays(365), GOAL,
                    ChallengeVisibility.PUBLIC, null)).expectSuccessfulHandlerExecution();
            fixture.givenNoPriorActivity().when(create("x", null, STARTS, TODAY, GOAL,
                    ChallengeVisibility.PUBLIC, null)).expectSuccessfulHandlerExecution();
        }

        @Test
        void datesArePlausible() {
            expectInvalid(fixture.givenNoPriorActivity().when(create("x", null, TODAY.plusYears(101),
                    TODAY.plusYears(101), GOAL, ChallengeVisibility.PUBLIC, null)), "startsOn");
        }

        @Test
        void theGoalTargetIsOneToTenThousand() {
            expectInvalid(fixture.givenNoPriorActivity().when(create("x", null, STARTS, ENDS,
                    new ChallengeGoal(GoalMetric.ATTEMPTS, null, 0, ChallengeGoal.Per.TOTAL),
                    ChallengeVisibility.PUBLIC, null)), "goal.target");
            expectInvalid(fixture.givenNoPriorActivity().when(create("x", null, STARTS, ENDS,
                    new ChallengeGoal(GoalMetric.ATTEMPTS, null, 10_001, ChallengeGoal.Per.TOTAL),
                    ChallengeVisibility.PUBLIC, null)), "goal.target");
            fixture.givenNoPriorActivity().when(create("x", null, STARTS, ENDS,
                    new ChallengeGoal(GoalMetric.ATTEMPTS, null, 10_000, ChallengeGoal.Per.TOTAL),
                    ChallengeVisibility.PUBLIC, null)).expectSuccessfulHandlerExecution();
        }

        @Test
        void theGoalAndTheVisibilityAreRequired() {
            expectInvalid(fixture.givenNoPriorActivity().when(create("x", null, STARTS, ENDS, null,
                    ChallengeVisibility.PUBLIC, null)), "goal");
            expectInvalid(fixture.givenNoPriorActivity().when(create("x", null, STARTS, ENDS,
                    new ChallengeGoal(null, null, 3, ChallengeGoal.Per.TOTAL), ChallengeVisibility.PUBLIC, null)),
                    "goal.metric");
            expectInvalid(fixture.givenNoPriorActivity().when(create("x", null, STARTS, ENDS, GOAL, null, null)),
                    "visibility");
        }
    }

    @Nested
    class Joining {

        @Test
        void anySeekerJoinsAPublicChallengeBeforeOrDuringIt() {
            fixture.given(PUBLIC, CREATOR_JOINED)
                    .when(new JoinChallenge(CHALLENGE, JOINER, TODAY, null))
                    .expectEvents(new ChallengeJoined(CHALLENGE, JOINER, TODAY))
                    // the joiner's first event on the challenge: nothing about who else is in it
                    .expectResultMessagePayload(0L);
            fixture.given(PUBLIC, CREATOR_JOINED)
                    .when(new JoinChallenge(CHALLENGE, JOINER, STARTS.minusDays(10), null))
                    .expectEvents(new ChallengeJoined(CHALLENGE, JOINER, STARTS.minusDays(10)));
            fixture.given(PUBLIC, CREATOR_JOINED)
                    .when(new JoinChallenge(CHALLENGE, JOINER, ENDS, null))
                    .expectEvents(new ChallengeJoined(CHALLENGE, JOINER, ENDS));
        }

        @Test
        void aChallengeThatEndedTakesNoNewMembers() {
            expectViolation(fixture.given(PUBLIC, CREATOR_JOINED)
                    .when(new JoinChallenge(CHALLENGE, JOINER, ENDS.plusDays(1), null)), ProblemType.CHALLENGE_CLOSED);
        }

        @Test
        void anInviteChallengeNeedsTheRightCode() {
            fixture.given(INVITE, CREATOR_JOINED)
                    .when(new JoinChallenge(CHALLENGE, JOINER, TODAY, CODE))
                    .expectEvents(new ChallengeJoined(CHALLENGE, JOINER, TODAY));
            expectNotFound(fixture.given(INVITE, CREATOR_JOINED).when(new JoinChallenge(CHALLENGE, JOINER, TODAY,
                    "WRONG")));
            expectNotFound(fixture.given(INVITE, CREATOR_JOINED).when(new JoinChallenge(CHALLENGE, JOINER, TODAY,
                    null)));
            expectNotFound(fixture.given(INVITE, CREATOR_JOINED).when(new JoinChallenge(CHALLENGE, JOINER, TODAY,
                    CODE.substring(1))));
        }

        @Test
        void aWrongCodeRevealsNothingEvenAboutAnEndedOrFullChallenge() {
            expectNotFound(fixture.given(INVITE, CREATOR_JOINED)
                    .when(new JoinChallenge(CHALLENGE, JOINER, ENDS.plusDays(1), "WRONG")));
            expectNotFound(fixture.given(full(INVITE)).when(new JoinChallenge(CHALLENGE, JOINER, TODAY, null)));
        }

        @Test
        void nobodyJoinsTwice() {
            expectViolation(fixture.given(PUBLIC, CREATOR_JOINED)
                    .when(new JoinChallenge(CHALLENGE, CREATOR, TODAY, null)), ProblemType.ALREADY_MEMBER);
            expectViolation(fixture.given(INVITE, CREATOR_JOINED)
                    .when(new JoinChallenge(CHALLENGE, CREATOR, TODAY, null)), ProblemType.ALREADY_MEMBER);
        }

        @Test
        void aChallengeHasAtMost500Members() {
            List<Object> history = full(PUBLIC);
            assertThat(history).hasSize(1 + 500);
            expectViolation(fixture.given(history).when(new JoinChallenge(CHALLENGE, JOINER, TODAY, null)), ProblemType.CHALLENGE_FULL);
            history.add(new ChallengeLeft(CHALLENGE, CREATOR, TODAY));
            fixture.given(history)
                    .when(new JoinChallenge(CHALLENGE, JOINER, TODAY, null))
                    .expectEvents(new ChallengeJoined(CHALLENGE, JOINER, TODAY));
        }

        /** The challenge and 500 members, the creator first. */
        private List<Object> full(ChallengeCreated created) {
            List<Object> history = new ArrayList<>(List.of(created, CREATOR_JOINED));
            for (int i = 1; i < ChallengeAggregate.MAX_MEMBERS; i++) {
                history.add(new ChallengeJoined(CHALLENGE, UUID.randomUUID(), STARTS));
            }
            return history;
        }
    }

    @Nested
    class Leaving {

        @Test
        void aMemberLeaves() {
            fixture.given(PUBLIC, CREATOR_JOINED, new ChallengeJoined(CHALLENGE, JOINER, STARTS))
                    .when(new LeaveChallenge(CHALLENGE, JOINER, TODAY))
                    .expectEvents(new ChallengeLeft(CHALLENGE, JOINER, TODAY))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void theCreatorIsAMemberLikeAnyOther() {
            fixture.given(PUBLIC, CREATOR_JOINED)
                    .when(new LeaveChallenge(CHALLENGE, CREATOR, TODAY))
                    .expectEvents(new ChallengeLeft(CHALLENGE, CREATOR, TODAY));
        }

        @Test
        void aMemberMayLeaveAfterTheEnd() {
            fixture.given(PUBLIC, CREATOR_JOINED)
                    .when(new LeaveChallenge(CHALLENGE, CREATOR, ENDS.plusDays(3)))
                    .expectEvents(new ChallengeLeft(CHALLENGE, CREATOR, ENDS.plusDays(3)));
        }

        @Test
        void toANonMemberLeavingIsNotFound() {
            expectNotFound(fixture.given(PUBLIC, CREATOR_JOINED).when(new LeaveChallenge(CHALLENGE, JOINER, TODAY)));
            expectNotFound(fixture.given(PUBLIC, CREATOR_JOINED, new ChallengeJoined(CHALLENGE, JOINER, STARTS),
                    new ChallengeLeft(CHALLENGE, JOINER, TODAY)).when(new LeaveChallenge(CHALLENGE, JOINER, TODAY)));
        }

        @Test
        void aMemberWhoLeftMayJoinAgainWhileItIsOpen() {
            fixture.given(INVITE, CREATOR_JOINED, new ChallengeJoined(CHALLENGE, JOINER, STARTS),
                    new ChallengeLeft(CHALLENGE, JOINER, STARTS.plusDays(1)))
                    .when(new JoinChallenge(CHALLENGE, JOINER, TODAY, CODE))
                    .expectEvents(new ChallengeJoined(CHALLENGE, JOINER, TODAY));
            expectViolation(fixture.given(PUBLIC, CREATOR_JOINED, new ChallengeJoined(CHALLENGE, JOINER, STARTS),
                    new ChallengeLeft(CHALLENGE, JOINER, STARTS.plusDays(1)))
                    .when(new JoinChallenge(CHALLENGE, JOINER, ENDS.plusDays(1), null)), ProblemType.CHALLENGE_CLOSED);
        }
    }

    private static CreateChallenge create(String name, String description, LocalDate startsOn, LocalDate endsOn,
            ChallengeGoal goal, ChallengeVisibility visibility, String inviteCode) {
        return new CreateChallenge(CHALLENGE, CREATOR, TODAY, name, description, startsOn, endsOn, goal, visibility,
                inviteCode);
    }
}
