package app.ghostresume.command.attempt;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import app.ghostresume.command.attempt.AttemptCommands.AdvanceAttempt;
import app.ghostresume.command.attempt.AttemptCommands.CorrectAttempt;
import app.ghostresume.command.attempt.AttemptCommands.DeclareGhosted;
import app.ghostresume.command.attempt.AttemptCommands.LogAttempt;
import app.ghostresume.command.attempt.AttemptCommands.RecordAcceptance;
import app.ghostresume.command.attempt.AttemptCommands.RecordRejection;
import app.ghostresume.command.attempt.AttemptCommands.WithdrawAttempt;
import app.ghostresume.command.attempt.AttemptRuleViolation.Kind;
import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptAdvanced;
import app.ghostresume.events.AttemptCorrected;
import app.ghostresume.events.AttemptGhosted;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptWithdrawn;
import app.ghostresume.events.Category;
import app.ghostresume.events.RejectionReceived;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;


class AttemptAggregateTest {

    private static final UUID ATTEMPT = UUID.randomUUID();
    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID STRANGER = UUID.randomUUID();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final LocalDate SENT = LocalDate.of(2026, 11, 2);

    private static final AttemptLogged LOGGED = new AttemptLogged(ATTEMPT, OWNER, Category.JOB, "Acme",
            "Backend engineer", null, SENT, LocalDate.of(2026, 11, 30));

    private AggregateTestFixture<AttemptAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AttemptAggregate.class);
    }

    @Nested
    class Logging {

        @Test
        void logsAnAttemptSentToday() {
            fixture.givenNoPriorActivity()
                    .when(new LogAttempt(ATTEMPT, OWNER, TODAY, Category.PITCH, "The Atlantic", "Essay", "cold pitch",
                            null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AttemptLogged(ATTEMPT, OWNER, Category.PITCH, "The Atlantic", "Essay",
                            "cold pitch", TODAY, null));
        }

        @Test
        void logsABackdatedAttempt() {
            fixture.givenNoPriorActivity()
                    .when(new LogAttempt(ATTEMPT, OWNER, TODAY, Category.JOB, "Acme", "Backend engineer", null, SENT,
                            LocalDate.of(2026, 11, 30)))
                    .expectEvents(LOGGED);
        }

        @Test
        void cannotLogAnAttemptSentInTheFuture() {
            expectInvalid(fixture.givenNoPriorActivity().when(new LogAttempt(ATTEMPT, OWNER, TODAY, Category.JOB,
                    "Acme", "Engineer", null, TODAY.plusDays(1), null)), "sentOn");
        }

        @Test
        void cannotExpectAResponseBeforeSending() {
            expectInvalid(fixture.givenNoPriorActivity().when(new LogAttempt(ATTEMPT, OWNER, TODAY, Category.JOB,
                    "Acme", "Engineer", null, SENT, SENT.minusDays(1))), "expectedResponseBy");
        }

        @Test
        void datesFarOutsideALifetimeAreTypingMistakes() {
            expectInvalid(fixture.givenNoPriorActivity().when(new LogAttempt(ATTEMPT, OWNER, TODAY, Category.JOB,
                    "Acme", "Engineer", null, LocalDate.of(1899, 12, 31), null)), "sentOn");
            expectInvalid(fixture.givenNoPriorActivity().when(new LogAttempt(ATTEMPT, OWNER, TODAY, Category.JOB,
                    "Acme", "Engineer", null, SENT, TODAY.plusYears(100).plusDays(1))), "expectedResponseBy");
        }

        @Test
        void mayExpectAResponseOnTheDayOfSending() {
            fixture.givenNoPriorActivity()
                    .when(new LogAttempt(ATTEMPT, OWNER, TODAY, Category.DATING, "Sam", "Coffee?", null, SENT, SENT))
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
            expectConflict(fixture.given(LOGGED, rejection()).when(
                    new RecordRejection(ATTEMPT, OWNER, TODAY, null, null, null, null)));
        }

        @Test
        void cannotAcceptARejectedAttempt() {
            expectConflict(fixture.given(LOGGED, rejection())
                    .when(new RecordAcceptance(ATTEMPT, OWNER, TODAY, null, null)));
        }

        @Test
        void cannotRejectAnAcceptedAttempt() {
            expectConflict(fixture.given(LOGGED, new AcceptanceReceived(ATTEMPT, OWNER, SENT.plusDays(3), null))
                    .when(new RecordRejection(ATTEMPT, OWNER, TODAY, null, null, null, null)));
        }

        @Test
        void cannotRejectAWithdrawnAttempt() {
            expectConflict(fixture.given(LOGGED, new AttemptWithdrawn(ATTEMPT, OWNER, SENT.plusDays(1), null))
                    .when(new RecordRejection(ATTEMPT, OWNER, TODAY, null, null, null, null)));
        }

        @Test
        void cannotWithdrawAnAcceptedAttempt() {
            expectConflict(fixture.given(LOGGED, new AcceptanceReceived(ATTEMPT, OWNER, SENT.plusDays(3), null))
                    .when(new WithdrawAttempt(ATTEMPT, OWNER, TODAY, null, "changed my mind")));
        }

        @Test
        void cannotGhostARejectedAttempt() {
            expectConflict(fixture.given(LOGGED, rejection()).when(new DeclareGhosted(ATTEMPT, OWNER, TODAY, null)));
        }

        @Test
        void ghostingIsDeclaredWhileWaiting() {
            fixture.given(LOGGED)
                    .when(new DeclareGhosted(ATTEMPT, OWNER, TODAY, null))
                    .expectEvents(new AttemptGhosted(ATTEMPT, OWNER, TODAY, false));
        }

        @Test
        void cannotGhostTwice() {
            expectConflict(fixture.given(LOGGED, new AttemptGhosted(ATTEMPT, OWNER, SENT.plusDays(30), false))
                    .when(new DeclareGhosted(ATTEMPT, OWNER, TODAY, null)));
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
            expectConflict(fixture.given(LOGGED, rejection())
                    .when(new AdvanceAttempt(ATTEMPT, OWNER, TODAY, "round 4", null, null)));
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
                    .when(new CorrectAttempt(ATTEMPT, OWNER, TODAY, Category.JOB, "Acme Corp", "Backend engineer",
                            null, SENT.minusDays(1), null))
                    .expectEvents(new AttemptCorrected(ATTEMPT, OWNER, null, "Acme Corp", null, null,
                            SENT.minusDays(1), null));
        }

        @Test
        void aCorrectionThatChangesNothingRecordsNothing() {
            fixture.given(LOGGED)
                    .when(new CorrectAttempt(ATTEMPT, OWNER, TODAY, Category.JOB, "Acme", null, null, SENT, null))
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void cannotMoveSendingAfterAnOutcome() {
            expectInvalid(fixture.given(LOGGED, rejection())
                    .when(new CorrectAttempt(ATTEMPT, OWNER, TODAY, null, null, null, null, SENT.plusDays(11), null)),
                    "sentOn");
        }

        @Test
        void cannotMoveSendingIntoTheFuture() {
            expectInvalid(fixture.given(LOGGED)
                    .when(new CorrectAttempt(ATTEMPT, OWNER, TODAY, null, null, null, null, TODAY.plusDays(1), null)),
                    "sentOn");
        }

        @Test
        void cannotMoveSendingPastTheExpectedResponse() {
            expectInvalid(fixture.given(LOGGED)
                    .when(new CorrectAttempt(ATTEMPT, OWNER, TODAY.plusMonths(1), null, null, null, null,
                            LocalDate.of(2026, 12, 1), null)), "expectedResponseBy");
        }

        @Test
        void aDecidedAttemptCanStillBeCorrected() {
            fixture.given(LOGGED, rejection())
                    .when(new CorrectAttempt(ATTEMPT, OWNER, TODAY, null, null, "Staff engineer", null, null, null))
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
                    .when(new CorrectAttempt(ATTEMPT, STRANGER, TODAY, null, "Mine now", null, null, null, null)));
        }

        @Test
        void aStrangerIsToldNotFoundEvenForADecidedAttempt() {
            expectNotFound(fixture.given(LOGGED, rejection())
                    .when(new RecordRejection(ATTEMPT, STRANGER, TODAY, null, null, null, null)));
        }
    }

    private static RejectionReceived rejection() {
        return new RejectionReceived(ATTEMPT, OWNER, SENT.plusDays(10), null, null, 3);
    }

    private static void expectInvalid(ResultValidator<AttemptAggregate> result, String field) {
        result.expectNoEvents();
        expectViolation(result, Kind.INVALID, field);
    }

    private static void expectConflict(ResultValidator<AttemptAggregate> result) {
        result.expectNoEvents();
        expectViolation(result, Kind.CONFLICT, null);
    }

    private static void expectNotFound(ResultValidator<AttemptAggregate> result) {
        result.expectNoEvents();
        expectViolation(result, Kind.NOT_FOUND, null);
    }

    private static void expectViolation(ResultValidator<AttemptAggregate> result, Kind kind, String field) {
        result.expectException(new CustomTypeSafeMatcher<AttemptRuleViolation>(kind + " violation of " + field) {
            @Override
            protected boolean matchesSafely(AttemptRuleViolation violation) {
                return violation.kind() == kind && Objects.equals(violation.field(), field);
            }
        });
    }
}
