package app.ghostresume.command.attempt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import app.ghostresume.command.attempt.AttemptCommands.AdvanceAttempt;
import app.ghostresume.command.attempt.AttemptCommands.CorrectAttempt;
import app.ghostresume.command.attempt.AttemptCommands.DeclareGhosted;
import app.ghostresume.command.attempt.AttemptCommands.LogAttempt;
import app.ghostresume.command.attempt.AttemptCommands.RecordAcceptance;
import app.ghostresume.command.attempt.AttemptCommands.RecordFollowUp;
import app.ghostresume.command.attempt.AttemptCommands.RecordRejection;
import app.ghostresume.command.attempt.AttemptCommands.WithdrawAttempt;
import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.command.seeker.ResponseWindows;
import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptAdvanced;
import app.ghostresume.events.AttemptCorrected;
import app.ghostresume.events.AttemptGhosted;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.AttemptWithdrawn;
import app.ghostresume.events.Category;
import app.ghostresume.events.FollowUpDue;
import app.ghostresume.events.FollowedUp;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.ResponseDeadlinesSet;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static app.ghostresume.command.RuleViolations.expectInvalid;
import static app.ghostresume.command.RuleViolations.expectNotFound;
import static app.ghostresume.command.RuleViolations.expectViolation;
import static org.assertj.core.api.Assertions.assertThat;


class AttemptAggregateTest {

    private static final UUID ATTEMPT = UUID.randomUUID();
    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID STRANGER = UUID.randomUUID();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final LocalDate SENT = LocalDate.of(2026, 11, 2);
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** 10:00 in Berlin on {@link #TODAY}. */
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final ResponseWindows WINDOWS = ResponseWindows.defaults();

    private static final AttemptLogged LOGGED = new AttemptLogged(ATTEMPT, OWNER, Category.JOB, "Acme",
            "Backend engineer", null, SENT, LocalDate.of(2026, 11, 30));

    private AggregateTestFixture<AttemptAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AttemptAggregate.class);
        fixture.registerInjectableResource(new FixtureClock(ZONE));
    }

    @Nested
    class Importing {

        @Test
        void anAnsweredRowIsLoggedAndAnsweredInOneStepWithoutDeadlines() {
            fixture.givenNoPriorActivity()
                    .when(imported(AttemptStatus.REJECTED, SENT.plusDays(10), "phone screen"))
                    .expectEvents(new AttemptLogged(ATTEMPT, OWNER, Category.JOB, "Acme", "Backend engineer", null,
                            SENT, null), new RejectionReceived(ATTEMPT, OWNER, SENT.plusDays(10), "phone screen", null,
                            null))
                    .expectNoScheduledDeadlines()
                    .expectResultMessagePayload(1L);
            setUp();
            fixture.givenNoPriorActivity()
                    .when(imported(AttemptStatus.GHOSTED, null, null))
                    .expectEvents(new AttemptLogged(ATTEMPT, OWNER, Category.JOB, "Acme", "Backend engineer", null,
                            SENT, null), new AttemptGhosted(ATTEMPT, OWNER, TODAY, false));
        }

        @Test
        void aWaitingRowGetsItsDeadlinesAsALoggedAttemptDoes() {
            fixture.givenNoPriorActivity()
                    .when(imported(AttemptStatus.WAITING, null, null))
                    .expectEvents(new AttemptLogged(ATTEMPT, OWNER, Category.JOB, "Acme", "Backend engineer", null,
                            SENT, null), new ResponseDeadlinesSet(ATTEMPT, OWNER, SENT.plusDays(7), SENT.plusDays(30)))
                    .expectScheduledDeadlineWithName(startOf(SENT.plusDays(31)), AttemptAggregate.GHOSTING);
        }

        @Test
        void aRowThatBreaksARuleRecordsNothingAtAll() {
            // the outcome's day comes before the day sent: not even the logging is recorded
            expectInvalid(fixture.givenNoPriorActivity()
                    .when(imported(AttemptStatus.ACCEPTED, SENT.minusDays(1), null)), "outcomeOn");
            setUp();
            expectInvalid(fixture.givenNoPriorActivity()
                    .when(imported(AttemptStatus.REJECTED, TODAY.plusDays(1), null)), "outcomeOn");
            assertThat(new ImportAttempt(ATTEMPT, OWNER, TODAY, ZONE, WINDOWS, Category.JOB, "Acme", "Engineer", null,
                    TODAY.plusDays(3), null, AttemptStatus.WAITING, null, null).refusal())
                    .contains("sentOn may not be in the future");
            assertThat(imported(AttemptStatus.REJECTED, SENT.plusDays(1), null).refusal()).isEmpty();
        }

        private ImportAttempt imported(AttemptStatus outcome, LocalDate outcomeOn, String stage) {
            return new ImportAttempt(ATTEMPT, OWNER, TODAY, ZONE, WINDOWS, Category.JOB, "Acme", "Backend engineer",
                    null, SENT, null, outcome, outcomeOn, stage);
        }
    }

    @Nested
    class Logging {

        @Test
        void logsAnAttemptSentToday() {
            fixture.givenNoPriorActivity()
                    .when(new LogAttempt(ATTEMPT, OWNER, TODAY, ZONE, WINDOWS, Category.PITCH, "The Atlantic",
                            "Essay", "cold pitch", null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AttemptLogged(ATTEMPT, OWNER, Category.PITCH, "The Atlantic", "Essay",
                            "cold pitch", TODAY, null),
                            new ResponseDeadlinesSet(ATTEMPT, OWNER, TODAY.plusDays(7), TODAY.plusDays(30)));
        }

        @Test
        void logsABackdatedAttempt() {
            fixture.givenNoPriorActivity()
                    .when(new LogAttempt(ATTEMPT, OWNER, TODAY, ZONE, WINDOWS, Category.JOB, "Acme", "Backend engineer",
                            null, SENT, LocalDate.of(2026, 11, 30)))
                    .expectEvents(LOGGED, new ResponseDeadlinesSet(ATTEMPT, OWNER, SENT.plusDays(7),
                            LocalDate.of(2026, 11, 30)))
                    // the version after both, which a consistency token waits for
                    .expectResultMessagePayload(1L);
        }

        @Test
        void cannotLogAnAttemptSentInTheFuture() {
            expectInvalid(fixture.givenNoPriorActivity().when(new LogAttempt(ATTEMPT, OWNER, TODAY, ZONE, WINDOWS,
                    Category.JOB, "Acme", "Engineer", null, TODAY.plusDays(1), null)), "sentOn");
        }

        @Test
        void cannotExpectAResponseBeforeSending() {
            expectInvalid(fixture.givenNoPriorActivity().when(new LogAttempt(ATTEMPT, OWNER, TODAY, ZONE, WINDOWS,
                    Category.JOB, "Acme", "Engineer", null, SENT, SENT.minusDays(1))), "expectedResponseBy");
        }

        @Test
        void datesFarOutsideALifetimeAreTypingMistakes() {
            expectInvalid(fixture.givenNoPriorActivity().when(new LogAttempt(ATTEMPT, OWNER, TODAY, ZONE, WINDOWS,
                    Category.JOB, "Acme", "Engineer", null, LocalDate.of(1899, 12, 31), null)), "sentOn");
            expectInvalid(fixture.givenNoPriorActivity().when(new LogAttempt(ATTEMPT, OWNER, TODAY, ZONE, WINDOWS,
                    Category.JOB, "Acme", "Engineer", null, SENT, TODAY.plusYears(100).plusDays(1))),
                    "expectedResponseBy");
        }

        @Test
        void mayExpectAResponseOnTheDayOfSending() {
            fixture.givenNoPriorActivity()
                    .when(new LogAttempt(ATTEMPT, OWNER, TODAY, ZONE, WINDOWS, Category.DATING, "Sam", "Coffee?", null,
                            SENT, SENT))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Outcomes {

        @Test
        void recordsARejectionWithItsSting() {
            fixture.given(LOGGED)
                    .when(new RecordRejection(ATTEMPT, OWNER, TODAY, SENT.plusDays(10), "interview round 2",
                            "went with someone senior", 4))
                    .expectEvents(new RejectionReceived(ATTEMPT, OWNER, SENT.plusDays(10), "interview round 2",
                            "went with someone senior", 4))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void anOutcomeWithoutADateHappenedToday() {
            fixture.given(LOGGED)
                    .when(new RecordAcceptance(ATTEMPT, OWNER, TODAY, null, "yes!"))
                    .expectEvents(new AcceptanceReceived(ATTEMPT, OWNER, TODAY, "yes!"));
        }

        @Test
        void cannotRejectARejectedAttempt() {
            expectViolation(fixture.given(LOGGED, rejection()).when(
                    new RecordRejection(ATTEMPT, OWNER, TODAY, null, null, null, null)), ProblemType.ATTEMPT_STATE_CONFLICT);
        }

        @Test
        void cannotAcceptARejectedAttempt() {
            expectViolation(fixture.given(LOGGED, rejection())
                    .when(new RecordAcceptance(ATTEMPT, OWNER, TODAY, null, null)), ProblemType.ATTEMPT_STATE_CONFLICT);
        }

        @Test
        void cannotRejectAnAcceptedAttempt() {
            expectViolation(fixture.given(LOGGED, new AcceptanceReceived(ATTEMPT, OWNER, SENT.plusDays(3), null))
                    .when(new RecordRejection(ATTEMPT, OWNER, TODAY, null, null, null, null)), ProblemType.ATTEMPT_STATE_CONFLICT);
        }

        @Test
        void cannotRejectAWithdrawnAttempt() {
            expectViolation(fixture.given(LOGGED, new AttemptWithdrawn(ATTEMPT, OWNER, SENT.plusDays(1), null))
                    .when(new RecordRejection(ATTEMPT, OWNER, TODAY, null, null, null, null)), ProblemType.ATTEMPT_STATE_CONFLICT);
        }

        @Test
        void cannotWithdrawAnAcceptedAttempt() {
            expectViolation(fixture.given(LOGGED, new AcceptanceReceived(ATTEMPT, OWNER, SENT.plusDays(3), null))
                    .when(new WithdrawAttempt(ATTEMPT, OWNER, TODAY, null, "changed my mind")), ProblemType.ATTEMPT_STATE_CONFLICT);
        }

        @Test
        void cannotGhostARejectedAttempt() {
            expectViolation(fixture.given(LOGGED, rejection()).when(new DeclareGhosted(ATTEMPT, OWNER, TODAY, null)), ProblemType.ATTEMPT_STATE_CONFLICT);
        }

        @Test
        void ghostingIsDeclaredWhileWaiting() {
            fixture.given(LOGGED)
                    .when(new DeclareGhosted(ATTEMPT, OWNER, TODAY, null))
                    .expectEvents(new AttemptGhosted(ATTEMPT, OWNER, TODAY, false));
        }

        @Test
        void cannotGhostTwice() {
            expectViolation(fixture.given(LOGGED, new AttemptGhosted(ATTEMPT, OWNER, SENT.plusDays(30), false))
                    .when(new DeclareGhosted(ATTEMPT, OWNER, TODAY, null)), ProblemType.ATTEMPT_STATE_CONFLICT);
        }

        @Test
        void aLateRejectionStillComesAfterBeingGhosted() {
            fixture.given(LOGGED, new AttemptGhosted(ATTEMPT, OWNER, SENT.plusDays(15), false))
                    .when(new RecordRejection(ATTEMPT, OWNER, TODAY, TODAY, null, "sorry for the delay", 2))
                    .expectEvents(new RejectionReceived(ATTEMPT, OWNER, TODAY, null, "sorry for the delay", 2));
        }

        @Test
        void aLateAcceptanceStillComesAfterBeingGhosted() {
            fixture.given(LOGGED, new AttemptGhosted(ATTEMPT, OWNER, SENT.plusDays(15), false))
                    .when(new RecordAcceptance(ATTEMPT, OWNER, TODAY, TODAY, null))
                    .expectEvents(new AcceptanceReceived(ATTEMPT, OWNER, TODAY, null));
        }

        @Test
        void aGhostedAttemptCanBeWithdrawn() {
            fixture.given(LOGGED, new AttemptGhosted(ATTEMPT, OWNER, SENT.plusDays(15), false))
                    .when(new WithdrawAttempt(ATTEMPT, OWNER, TODAY, null, "moved on"))
                    .expectEvents(new AttemptWithdrawn(ATTEMPT, OWNER, TODAY, "moved on"));
        }

        @Test
        void anOutcomeCannotPrecedeSending() {
            expectInvalid(fixture.given(LOGGED)
                    .when(new RecordRejection(ATTEMPT, OWNER, TODAY, SENT.minusDays(1), null, null, null)),
                    "receivedOn");
        }

        @Test
        void anOutcomeCannotLieInTheFuture() {
            expectInvalid(fixture.given(LOGGED)
                    .when(new RecordAcceptance(ATTEMPT, OWNER, TODAY, TODAY.plusDays(1), null)), "receivedOn");
            expectInvalid(fixture.given(LOGGED)
                    .when(new DeclareGhosted(ATTEMPT, OWNER, TODAY, TODAY.plusDays(1))), "declaredOn");
            expectInvalid(fixture.given(LOGGED)
                    .when(new WithdrawAttempt(ATTEMPT, OWNER, TODAY, TODAY.plusDays(1), null)), "on");
        }

        @Test
        void anOutcomeMayComeOnTheDayOfSending() {
            fixture.given(LOGGED)
                    .when(new RecordRejection(ATTEMPT, OWNER, TODAY, SENT, null, null, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void stingIsBetweenOneAndFive() {
            expectInvalid(fixture.given(LOGGED).when(new RecordRejection(ATTEMPT, OWNER, TODAY, null, null, null, 6)),
                    "sting");
            expectInvalid(fixture.given(LOGGED).when(new RecordRejection(ATTEMPT, OWNER, TODAY, null, null, null, 0)),
                    "sting");
        }
    }

    @Nested
    class Progress {

        @Test
        void advancesAWaitingAttempt() {
            fixture.given(LOGGED)
                    .when(new AdvanceAttempt(ATTEMPT, OWNER, TODAY, "interview round 3", SENT.plusDays(7), "panel"))
                    .expectEvents(new AttemptAdvanced(ATTEMPT, OWNER, "interview round 3", SENT.plusDays(7), "panel"));
        }

        @Test
        void cannotAdvanceADecidedAttempt() {
            expectViolation(fixture.given(LOGGED, rejection())
                    .when(new AdvanceAttempt(ATTEMPT, OWNER, TODAY, "round 4", null, null)), ProblemType.ATTEMPT_STATE_CONFLICT);
        }

        @Test
        void progressCannotPrecedeSending() {
            expectInvalid(fixture.given(LOGGED)
                    .when(new AdvanceAttempt(ATTEMPT, OWNER, TODAY, "screen", SENT.minusDays(1), null)), "on");
        }
    }

    @Nested
    class Corrections {

        @Test
        void recordsOnlyWhatChanged() {
            fixture.given(LOGGED)
                    .when(new CorrectAttempt(ATTEMPT, OWNER, TODAY, ZONE, WINDOWS, Category.JOB, "Acme Corp",
                            "Backend engineer", null, SENT.minusDays(1), null))
                    .expectEvents(new AttemptCorrected(ATTEMPT, OWNER, null, "Acme Corp", null, null,
                            SENT.minusDays(1), null),
                            new ResponseDeadlinesSet(ATTEMPT, OWNER, SENT.plusDays(6), LocalDate.of(2026, 11, 30)));
        }

        @Test
        void aCorrectionThatChangesNothingRecordsNothing() {
            fixture.given(LOGGED)
                    .when(new CorrectAttempt(ATTEMPT, OWNER, TODAY, ZONE, WINDOWS, Category.JOB, "Acme", null, null,
                            SENT, null))
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void cannotMoveSendingAfterAnOutcome() {
            expectInvalid(fixture.given(LOGGED, rejection())
                    .when(new CorrectAttempt(ATTEMPT, OWNER, TODAY, ZONE, WINDOWS, null, null, null, null,
                            SENT.plusDays(11), null)),
                    "sentOn");
        }

        @Test
        void cannotMoveSendingIntoTheFuture() {
            expectInvalid(fixture.given(LOGGED)
                    .when(new CorrectAttempt(ATTEMPT, OWNER, TODAY, ZONE, WINDOWS, null, null, null, null,
                            TODAY.plusDays(1), null)),
                    "sentOn");
        }

        @Test
        void cannotMoveSendingPastTheExpectedResponse() {
            expectInvalid(fixture.given(LOGGED)
                    .when(new CorrectAttempt(ATTEMPT, OWNER, TODAY.plusMonths(1), ZONE, WINDOWS, null, null, null, null,
                            LocalDate.of(2026, 12, 1), null)), "expectedResponseBy");
        }

        @Test
        void aDecidedAttemptCanStillBeCorrected() {
            fixture.given(LOGGED, rejection())
                    .when(new CorrectAttempt(ATTEMPT, OWNER, TODAY, ZONE, WINDOWS, null, null, "Staff engineer", null,
                            null, null))
                    .expectEvents(new AttemptCorrected(ATTEMPT, OWNER, null, null, "Staff engineer", null, null, null));
        }
    }

    @Nested
    class Ownership {

        @Test
        void toAnyoneButItsOwnerTheAttemptDoesNotExist() {
            expectNotFound(fixture.given(LOGGED)
                    .when(new RecordRejection(ATTEMPT, STRANGER, TODAY, null, null, null, null)));
            expectNotFound(fixture.given(LOGGED).when(new RecordAcceptance(ATTEMPT, STRANGER, TODAY, null, null)));
            expectNotFound(fixture.given(LOGGED).when(new DeclareGhosted(ATTEMPT, STRANGER, TODAY, null)));
            expectNotFound(fixture.given(LOGGED).when(new WithdrawAttempt(ATTEMPT, STRANGER, TODAY, null, null)));
            expectNotFound(fixture.given(LOGGED).when(new AdvanceAttempt(ATTEMPT, STRANGER, TODAY, "x", null, null)));
            expectNotFound(fixture.given(LOGGED)
                    .when(new CorrectAttempt(ATTEMPT, STRANGER, TODAY, ZONE, WINDOWS, null, "Mine now", null, null,
                            null, null)));
        }

        @Test
        void aStrangerIsToldNotFoundEvenForADecidedAttempt() {
            expectNotFound(fixture.given(LOGGED, rejection())
                    .when(new RecordRejection(ATTEMPT, STRANGER, TODAY, null, null, null, null)));
        }
    }

    /**
     * Deadlines in the owner's zone (Berlin, UTC+1 in winter): a JOB attempt sent on 11-20 is due a follow-up on
     * 11-27 and ghosted after 12-20, by the default windows of 7 and 30 days.
     */
    @Nested
    class Deadlines {

        private static final LocalDate SENT_20 = LocalDate.of(2026, 11, 20);
        private static final LocalDate FOLLOW_UP_27 = LocalDate.of(2026, 11, 27);
        private static final LocalDate GHOSTED_AFTER = LocalDate.of(2026, 12, 20);

        @Test
        void loggingSetsTheDeadlinesAndSchedulesOnlyTheFirstAtTheStartOfTheDayInTheSeekersZone() {
            fixture.givenCurrentTime(NOW)
                    .when(log(Category.JOB, SENT_20, null, WINDOWS))
                    .expectEvents(logged(Category.JOB, SENT_20, null),
                            new ResponseDeadlinesSet(ATTEMPT, OWNER, FOLLOW_UP_27, GHOSTED_AFTER))
                    .expectScheduledDeadline(Instant.parse("2026-11-26T23:00:00Z"), followUp(FOLLOW_UP_27))
                    .expectScheduledDeadlineWithName(startOf(FOLLOW_UP_27), AttemptAggregate.FOLLOW_UP)
                    .expectNoScheduledDeadlineMatching(named(AttemptAggregate.GHOSTING));
        }

        @Test
        void theReminderSchedulesTheGhostingAtTheStartOfTheDayAfterTheLastDayInTime() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(log(Category.JOB, SENT_20, null, WINDOWS))
                    .whenThenTimeAdvancesTo(startOf(FOLLOW_UP_27))
                    .expectEvents(new FollowUpDue(ATTEMPT, OWNER, FOLLOW_UP_27))
                    .expectDeadlinesMet(followUp(FOLLOW_UP_27))
                    .expectScheduledDeadline(Instant.parse("2026-12-20T23:00:00Z"), ghosting(GHOSTED_AFTER))
                    .expectScheduledDeadlineWithName(startOf(GHOSTED_AFTER.plusDays(1)), AttemptAggregate.GHOSTING);
        }

        @Test
        void aReminderThatFiresTwiceRaisesOneFollowUpAndAGhostingThatFiresOnce() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(log(Category.JOB, SENT_20, null, WINDOWS))
                    .andGiven(new FollowUpDue(ATTEMPT, OWNER, FOLLOW_UP_27))
                    .whenThenTimeAdvancesTo(startOf(GHOSTED_AFTER.plusDays(2)))
                    .expectEvents(new AttemptGhosted(ATTEMPT, OWNER, GHOSTED_AFTER.plusDays(1), true))
                    .expectDeadlinesMet(followUp(FOLLOW_UP_27), ghosting(GHOSTED_AFTER));
        }

        @Test
        void theWindowsAreThoseOfTheCategoryAndOfTheSeekersSettings() {
            fixture.givenCurrentTime(NOW)
                    .when(log(Category.DATING, SENT_20, null, WINDOWS))
                    .expectEvents(logged(Category.DATING, SENT_20, null),
                            new ResponseDeadlinesSet(ATTEMPT, OWNER, SENT_20.plusDays(3), SENT_20.plusDays(14)));
            setUp();
            ResponseWindows mine = WINDOWS.overriddenBy(Map.of(Category.JOB, 10), Map.of(Category.JOB, 2));
            fixture.givenCurrentTime(NOW)
                    .when(log(Category.JOB, SENT_20, null, mine))
                    .expectEvents(logged(Category.JOB, SENT_20, null),
                            new ResponseDeadlinesSet(ATTEMPT, OWNER, SENT_20.plusDays(2), SENT_20.plusDays(10)))
                    .expectScheduledDeadline(startOf(SENT_20.plusDays(2)), followUp(SENT_20.plusDays(2)));
        }

        @Test
        void anExpectedResponseDateDecidesTheGhostingAndDropsAFollowUpThatWouldComeAfterIt() {
            LocalDate expected = LocalDate.of(2026, 11, 24);
            fixture.givenCurrentTime(NOW)
                    .when(log(Category.JOB, SENT_20, expected, WINDOWS))
                    .expectEvents(logged(Category.JOB, SENT_20, expected),
                            new ResponseDeadlinesSet(ATTEMPT, OWNER, null, expected))
                    .expectScheduledDeadline(startOf(expected.plusDays(1)), ghosting(expected))
                    .expectNoScheduledDeadlineMatching(named(AttemptAggregate.FOLLOW_UP));
        }

        @Test
        void aFollowUpOnTheLastDayInTimeStillCounts() {
            fixture.givenCurrentTime(NOW)
                    .when(log(Category.JOB, SENT_20, FOLLOW_UP_27, WINDOWS))
                    .expectEvents(logged(Category.JOB, SENT_20, FOLLOW_UP_27),
                            new ResponseDeadlinesSet(ATTEMPT, OWNER, FOLLOW_UP_27, FOLLOW_UP_27));
        }

        @Test
        void aBackdatedAttemptIsNotNaggedAndItsPassedWindowLeavesTheRestOfTodayToRecordTheOutcome() {
            LocalDate sent = LocalDate.of(2026, 10, 1);
            fixture.givenCurrentTime(NOW)
                    .when(log(Category.JOB, sent, null, WINDOWS))
                    .expectEvents(logged(Category.JOB, sent, null),
                            new ResponseDeadlinesSet(ATTEMPT, OWNER, sent.plusDays(7), sent.plusDays(30)))
                    .expectScheduledDeadline(startOf(TODAY.plusDays(1)), ghosting(sent.plusDays(30)))
                    .expectNoScheduledDeadlineMatching(named(AttemptAggregate.FOLLOW_UP));
        }

        @Test
        void aBackdatedAttemptWhoseWindowPassedIsGhostedAutomaticallyTomorrow() {
            LocalDate sent = LocalDate.of(2026, 10, 1);
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(log(Category.JOB, sent, null, WINDOWS))
                    .whenThenTimeAdvancesTo(startOf(TODAY.plusDays(1)))
                    .expectEvents(new AttemptGhosted(ATTEMPT, OWNER, TODAY.plusDays(1), true))
                    .expectDeadlinesMet(ghosting(sent.plusDays(30)));
        }

        @Test
        void aBackdatedAttemptAnsweredTheSameDayIsNeverGhosted() {
            LocalDate sent = LocalDate.of(2026, 10, 1);
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(log(Category.JOB, sent, null, WINDOWS),
                            new RecordRejection(ATTEMPT, OWNER, TODAY, TODAY.minusDays(3), null, null, null))
                    .whenThenTimeAdvancesTo(startOf(TODAY.plusDays(2)))
                    .expectNoEvents()
                    .expectDeadlinesMet(ghosting(sent.plusDays(30)));
        }

        @Test
        void whenTheDeadlinesComeWhileWaitingAFollowUpFallsDueAndThenTheAttemptIsGhosted() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(log(Category.JOB, SENT_20, null, WINDOWS))
                    .whenThenTimeAdvancesTo(startOf(GHOSTED_AFTER.plusDays(1)))
                    .expectEvents(new FollowUpDue(ATTEMPT, OWNER, FOLLOW_UP_27),
                            new AttemptGhosted(ATTEMPT, OWNER, GHOSTED_AFTER.plusDays(1), true))
                    .expectDeadlinesMet(followUp(FOLLOW_UP_27), ghosting(GHOSTED_AFTER));
        }

        @Test
        void theGhostingWaitsForTheEndOfTheLastDayInTime() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(log(Category.JOB, SENT_20, null, WINDOWS))
                    .whenThenTimeAdvancesTo(startOf(GHOSTED_AFTER.plusDays(1)).minusSeconds(1))
                    .expectEvents(new FollowUpDue(ATTEMPT, OWNER, FOLLOW_UP_27))
                    .expectScheduledDeadline(startOf(GHOSTED_AFTER.plusDays(1)), ghosting(GHOSTED_AFTER));
        }

        @Test
        void nothingHappensWhenTheAttemptWasAnsweredAndNoGhostingIsEverScheduled() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(log(Category.JOB, SENT_20, null, WINDOWS),
                            new RecordRejection(ATTEMPT, OWNER, TODAY, null, null, null, null))
                    .whenThenTimeAdvancesTo(startOf(GHOSTED_AFTER.plusDays(2)))
                    .expectNoEvents()
                    .expectDeadlinesMet(followUp(FOLLOW_UP_27))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void afterEveryOutcomeTheDeadlinesComeAndDoNothing() {
            for (Object outcome : new Object[] { new RecordRejection(ATTEMPT, OWNER, TODAY, null, null, null, 2),
                    new RecordAcceptance(ATTEMPT, OWNER, TODAY, null, null),
                    new WithdrawAttempt(ATTEMPT, OWNER, TODAY, null, null),
                    new DeclareGhosted(ATTEMPT, OWNER, TODAY, null) }) {
                setUp();
                fixture.givenCurrentTime(NOW)
                        .andGivenCommands(log(Category.JOB, SENT_20, null, WINDOWS))
                        .andGivenCommands(outcome)
                        .whenThenTimeAdvancesTo(startOf(GHOSTED_AFTER.plusDays(2)))
                        .expectNoEvents()
                        .expectDeadlinesMet(followUp(FOLLOW_UP_27))
                        .expectNoScheduledDeadlines();
            }
        }

        @Test
        void aLateOutcomeStillComesAfterAnAutomaticGhosting() {
            fixture.given(LOGGED, new AttemptGhosted(ATTEMPT, OWNER, LocalDate.of(2026, 12, 1), true))
                    .when(new RecordAcceptance(ATTEMPT, OWNER, TODAY.plusDays(10), TODAY.plusDays(10), "at last"))
                    .expectEvents(new AcceptanceReceived(ATTEMPT, OWNER, TODAY.plusDays(10), "at last"));
        }

        @Test
        void aCorrectionThatMovesSendingRecomputesAndSchedulesTheFirstAgain() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(log(Category.JOB, SENT_20, null, WINDOWS))
                    .when(correct(null, SENT_20.plusDays(1), null, WINDOWS))
                    .expectEvents(new AttemptCorrected(ATTEMPT, OWNER, null, null, null, null, SENT_20.plusDays(1),
                                    null),
                            new ResponseDeadlinesSet(ATTEMPT, OWNER, FOLLOW_UP_27.plusDays(1),
                                    GHOSTED_AFTER.plusDays(1)))
                    .expectScheduledDeadline(startOf(FOLLOW_UP_27.plusDays(1)), followUp(FOLLOW_UP_27.plusDays(1)))
                    .expectNoScheduledDeadlineMatching(named(AttemptAggregate.GHOSTING));
        }

        @Test
        void theDeadlinesOfTheOldDatesComeAndDoNothingOnlyTheNewOnesCount() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(log(Category.JOB, SENT_20, null, WINDOWS),
                            correct(null, SENT_20.plusDays(1), null, WINDOWS))
                    .whenThenTimeAdvancesTo(startOf(GHOSTED_AFTER.plusDays(1)))
                    .expectEvents(new FollowUpDue(ATTEMPT, OWNER, FOLLOW_UP_27.plusDays(1)))
                    .expectDeadlinesMet(followUp(FOLLOW_UP_27), followUp(FOLLOW_UP_27.plusDays(1)))
                    .expectScheduledDeadline(startOf(GHOSTED_AFTER.plusDays(2)), ghosting(GHOSTED_AFTER.plusDays(1)))
                    .expectNoScheduledDeadline(startOf(GHOSTED_AFTER.plusDays(1)), ghosting(GHOSTED_AFTER));
        }

        @Test
        void aCorrectionOfTheCategoryOrTheExpectedResponseUsesTheSeekersCurrentWindows() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(log(Category.JOB, SENT_20, null, WINDOWS))
                    .when(correct(Category.DATING, null, null, WINDOWS))
                    .expectEvents(new AttemptCorrected(ATTEMPT, OWNER, Category.DATING, null, null, null, null, null),
                            new ResponseDeadlinesSet(ATTEMPT, OWNER, SENT_20.plusDays(3), SENT_20.plusDays(14)))
                    .expectScheduledDeadline(startOf(SENT_20.plusDays(3)), followUp(SENT_20.plusDays(3)));
            setUp();
            LocalDate expected = LocalDate.of(2026, 12, 1);
            ResponseWindows changedSince = WINDOWS.overriddenBy(Map.of(Category.JOB, 60), Map.of(Category.JOB, 5));
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(log(Category.JOB, SENT_20, null, WINDOWS))
                    .when(correct(null, null, expected, changedSince))
                    .expectEvents(new AttemptCorrected(ATTEMPT, OWNER, null, null, null, null, null, expected),
                            new ResponseDeadlinesSet(ATTEMPT, OWNER, SENT_20.plusDays(5), expected))
                    .expectScheduledDeadline(startOf(SENT_20.plusDays(5)), followUp(SENT_20.plusDays(5)));
        }

        @Test
        void aCorrectionThatMovesNoDateKeepsTheDeadlines() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(log(Category.JOB, SENT_20, null, WINDOWS))
                    .when(new CorrectAttempt(ATTEMPT, OWNER, TODAY, ZONE, WINDOWS, null, null, "Staff engineer", null,
                            null, null))
                    .expectEvents(new AttemptCorrected(ATTEMPT, OWNER, null, null, "Staff engineer", null, null, null))
                    .expectScheduledDeadline(startOf(FOLLOW_UP_27), followUp(FOLLOW_UP_27))
                    .expectNoScheduledDeadlineMatching(named(AttemptAggregate.GHOSTING));
        }

        @Test
        void aCorrectionOfADecidedAttemptSetsNoDeadlines() {
            fixture.given(LOGGED, rejection())
                    .when(correct(null, SENT.minusDays(1), null, WINDOWS))
                    .expectEvents(new AttemptCorrected(ATTEMPT, OWNER, null, null, null, null, SENT.minusDays(1), null))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aStaleDeadlineIsIgnored() {
            LocalDate expected = LocalDate.of(2026, 11, 24);
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(log(Category.JOB, SENT_20, expected, WINDOWS))
                    .andGiven(new ResponseDeadlinesSet(ATTEMPT, OWNER, null, LocalDate.of(2026, 12, 30)))
                    .whenThenTimeAdvancesTo(startOf(GHOSTED_AFTER))
                    .expectNoEvents()
                    .expectDeadlinesMet(ghosting(expected));
            setUp();
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(log(Category.JOB, SENT_20, null, WINDOWS))
                    .andGiven(new ResponseDeadlinesSet(ATTEMPT, OWNER, FOLLOW_UP_27.plusDays(1), GHOSTED_AFTER))
                    .whenThenTimeAdvancesTo(startOf(FOLLOW_UP_27).plusSeconds(1))
                    .expectNoEvents()
                    .expectDeadlinesMet(followUp(FOLLOW_UP_27))
                    .expectNoScheduledDeadlines();
        }

        /** Sunday 2026-11-08 23:30 in Auckland (UTC+13) is still Sunday there, though Monday has begun nowhere. */
        @Test
        void todayIsTheSeekersDayAndTheDeadlinesStartTheirDays() {
            ZoneId auckland = ZoneId.of("Pacific/Auckland");
            LocalDate sunday = LocalDate.of(2026, 11, 8);
            fixture.givenCurrentTime(Instant.parse("2026-11-08T10:30:00Z"))
                    .when(new LogAttempt(ATTEMPT, OWNER, sunday, auckland, WINDOWS, Category.JOB, "Acme",
                            "Backend engineer", null, null, null))
                    .expectEvents(new AttemptLogged(ATTEMPT, OWNER, Category.JOB, "Acme", "Backend engineer", null,
                                    sunday, null),
                            new ResponseDeadlinesSet(ATTEMPT, OWNER, sunday.plusDays(7), sunday.plusDays(30)))
                    .expectScheduledDeadline(Instant.parse("2026-11-14T11:00:00Z"),
                            new ResponseDeadline(sunday.plusDays(7), "Pacific/Auckland"));
            setUp();
            fixture.givenCurrentTime(Instant.parse("2026-11-08T10:30:00Z"))
                    .andGivenCommands(new LogAttempt(ATTEMPT, OWNER, sunday, auckland, WINDOWS, Category.JOB, "Acme",
                            "Backend engineer", null, null, null))
                    .whenThenTimeAdvancesTo(Instant.parse("2026-11-14T11:00:00Z"))
                    .expectEvents(new FollowUpDue(ATTEMPT, OWNER, sunday.plusDays(7)))
                    .expectScheduledDeadline(Instant.parse("2026-12-08T11:00:00Z"),
                            new ResponseDeadline(sunday.plusDays(30), "Pacific/Auckland"));
        }
    }

    @Nested
    class FollowUps {

        private static final LocalDate SENT_20 = LocalDate.of(2026, 11, 20);

        @Test
        void recordsAFollowUpOfAWaitingAttemptTodayByDefault() {
            fixture.given(LOGGED)
                    .when(new RecordFollowUp(ATTEMPT, OWNER, TODAY, null))
                    .expectEvents(new FollowedUp(ATTEMPT, OWNER, TODAY))
                    .expectResultMessagePayload(1L);
            fixture.given(LOGGED)
                    .when(new RecordFollowUp(ATTEMPT, OWNER, TODAY, SENT))
                    .expectEvents(new FollowedUp(ATTEMPT, OWNER, SENT));
        }

        @Test
        void aFollowUpIsDatedBetweenSendingAndToday() {
            expectInvalid(fixture.given(LOGGED).when(new RecordFollowUp(ATTEMPT, OWNER, TODAY, SENT.minusDays(1))),
                    "on");
            expectInvalid(fixture.given(LOGGED).when(new RecordFollowUp(ATTEMPT, OWNER, TODAY, TODAY.plusDays(1))),
                    "on");
        }

        @Test
        void onlyAWaitingAttemptIsFollowedUp() {
            expectViolation(fixture.given(LOGGED, rejection()).when(new RecordFollowUp(ATTEMPT, OWNER, TODAY, null)), ProblemType.ATTEMPT_STATE_CONFLICT);
            expectViolation(fixture.given(LOGGED, new AttemptGhosted(ATTEMPT, OWNER, TODAY, true))
                    .when(new RecordFollowUp(ATTEMPT, OWNER, TODAY, null)), ProblemType.ATTEMPT_STATE_CONFLICT);
            expectViolation(fixture.given(LOGGED, new AttemptWithdrawn(ATTEMPT, OWNER, TODAY, null))
                    .when(new RecordFollowUp(ATTEMPT, OWNER, TODAY, null)), ProblemType.ATTEMPT_STATE_CONFLICT);
        }

        @Test
        void toAStrangerTheAttemptDoesNotExist() {
            expectNotFound(fixture.given(LOGGED).when(new RecordFollowUp(ATTEMPT, STRANGER, TODAY, null)));
        }

        @Test
        void aFollowUpBeforeTheReminderMakesItMootButNotTheGhosting() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(log(Category.JOB, SENT_20, null, WINDOWS),
                            new RecordFollowUp(ATTEMPT, OWNER, TODAY, null))
                    .whenThenTimeAdvancesTo(startOf(LocalDate.of(2026, 12, 21)))
                    .expectEvents(new AttemptGhosted(ATTEMPT, OWNER, LocalDate.of(2026, 12, 21), true))
                    .expectDeadlinesMet(followUp(LocalDate.of(2026, 11, 27)), ghosting(LocalDate.of(2026, 12, 20)));
        }

        @Test
        void afterAFollowUpNoReminderFallsDue() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(log(Category.JOB, SENT_20, null, WINDOWS))
                    .andGiven(new FollowedUp(ATTEMPT, OWNER, TODAY))
                    .whenThenTimeAdvancesTo(startOf(LocalDate.of(2026, 11, 28)))
                    .expectNoEvents();
            setUp();
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(log(Category.JOB, SENT_20, null, WINDOWS),
                            new RecordFollowUp(ATTEMPT, OWNER, TODAY, null))
                    .when(correct(null, SENT_20.plusDays(1), null, WINDOWS))
                    .expectNoScheduledDeadline(startOf(LocalDate.of(2026, 11, 28)), followUp(LocalDate.of(2026, 11, 28)))
                    .expectScheduledDeadline(startOf(LocalDate.of(2026, 12, 22)), ghosting(LocalDate.of(2026, 12, 21)));
        }

        @Test
        void aFollowUpClosesAnOpenReminder() {
            fixture.given(LOGGED, new ResponseDeadlinesSet(ATTEMPT, OWNER, SENT.plusDays(7), SENT.plusDays(28)),
                    new FollowUpDue(ATTEMPT, OWNER, SENT.plusDays(7)))
                    .when(new RecordFollowUp(ATTEMPT, OWNER, TODAY, null))
                    .expectEvents(new FollowedUp(ATTEMPT, OWNER, TODAY));
        }
    }

    private static LogAttempt log(Category category, LocalDate sentOn, LocalDate expectedResponseBy,
            ResponseWindows windows) {
        return new LogAttempt(ATTEMPT, OWNER, TODAY, ZONE, windows, category, "Acme", "Backend engineer", null, sentOn,
                expectedResponseBy);
    }

    private static AttemptLogged logged(Category category, LocalDate sentOn, LocalDate expectedResponseBy) {
        return new AttemptLogged(ATTEMPT, OWNER, category, "Acme", "Backend engineer", null, sentOn,
                expectedResponseBy);
    }

    private static CorrectAttempt correct(Category category, LocalDate sentOn, LocalDate expectedResponseBy,
            ResponseWindows windows) {
        return new CorrectAttempt(ATTEMPT, OWNER, TODAY, ZONE, windows, category, null, null, null, sentOn,
                expectedResponseBy);
    }

    private static ResponseDeadline followUp(LocalDate on) {
        return new ResponseDeadline(on, ZONE.getId());
    }

    private static ResponseDeadline ghosting(LocalDate lastDayInTime) {
        return new ResponseDeadline(lastDayInTime, ZONE.getId());
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    private static Matcher<DeadlineMessage<?>> named(String deadlineName) {
        return new CustomTypeSafeMatcher<>("a deadline named " + deadlineName) {
            @Override
            protected boolean matchesSafely(DeadlineMessage<?> deadline) {
                return deadline.getDeadlineName().equals(deadlineName);
            }
        };
    }

    /** The fixture's own time, as the clock the aggregate's deadline handlers are given. */
    private final class FixtureClock extends Clock {

        private final ZoneId zone;

        FixtureClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new FixtureClock(newZone);
        }

        @Override
        public Instant instant() {
            return fixture.currentTime();
        }
    }

    private static RejectionReceived rejection() {
        return new RejectionReceived(ATTEMPT, OWNER, SENT.plusDays(10), null, null, 3);
    }
}
