package app.ghostresume.command.attempt;

import java.time.LocalDate;
import java.util.UUID;

import app.ghostresume.command.attempt.AttemptCommands.RecordReflection;
import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptAdvanced;
import app.ghostresume.events.AttemptCorrected;
import app.ghostresume.events.AttemptGhosted;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.AttemptWithdrawn;
import app.ghostresume.events.Category;
import app.ghostresume.events.Personal;
import app.ghostresume.events.ReflectionRecorded;
import app.ghostresume.events.RejectionReceived;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static app.ghostresume.command.RuleViolations.expectInvalid;
import static app.ghostresume.command.RuleViolations.expectNotFound;
import static app.ghostresume.command.RuleViolations.expectViolation;
import static app.ghostresume.command.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Reflections on an attempt, and what a share of it may show. */
class AttemptReflectionsAndSharingTest {

    private static final UUID ATTEMPT = UUID.randomUUID();
    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID STRANGER = UUID.randomUUID();
    private static final UUID REFLECTION = UUID.randomUUID();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final LocalDate SENT = LocalDate.of(2026, 11, 2);
    private static final AttemptLogged LOGGED = new AttemptLogged(ATTEMPT, OWNER, Category.JOB, "Acme",
            "Backend engineer", "secret notes", SENT, null);

    private AggregateTestFixture<AttemptAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AttemptAggregate.class);
    }

    @Nested
    class Reflections {

        @Test
        void recordsAReflectionOnTheSeekersToday() {
            fixture.given(LOGGED)
                    .when(new RecordReflection(ATTEMPT, OWNER, REFLECTION, TODAY, "no reply", "follow up sooner",
                            "send on Monday", Personal.NO))
                    .expectEvents(new ReflectionRecorded(ATTEMPT, OWNER, REFLECTION, "no reply", "follow up sooner",
                            "send on Monday", Personal.NO, TODAY))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void onePartIsEnough() {
            fixture.given(LOGGED)
                    .when(new RecordReflection(ATTEMPT, OWNER, REFLECTION, TODAY, null, null, null, Personal.UNSURE))
                    .expectEvents(new ReflectionRecorded(ATTEMPT, OWNER, REFLECTION, null, null, null,
                            Personal.UNSURE, TODAY));
            fixture.given(LOGGED)
                    .when(new RecordReflection(ATTEMPT, OWNER, REFLECTION, TODAY, null, null, "ask for feedback",
                            null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void anEmptyReflectionIsRefused() {
            expectInvalid(fixture.given(LOGGED)
                    .when(new RecordReflection(ATTEMPT, OWNER, REFLECTION, TODAY, null, null, null, null)),
                    "reflection");
        }

        @Test
        void inAnyStatusAndAsOftenAsTheSeekerLikes() {
            UUID second = UUID.randomUUID();
            fixture.given(LOGGED, new ReflectionRecorded(ATTEMPT, OWNER, REFLECTION, "waiting", null, null, null,
                    SENT), new AttemptWithdrawn(ATTEMPT, OWNER, TODAY, null))
                    .when(new RecordReflection(ATTEMPT, OWNER, second, TODAY, "I withdrew", null, null, null))
                    .expectEvents(new ReflectionRecorded(ATTEMPT, OWNER, second, "I withdrew", null, null, null,
                            TODAY));
        }

        @Test
        void theSameReflectionIsNotRecordedTwice() {
            expectViolation(fixture.given(LOGGED, new ReflectionRecorded(ATTEMPT, OWNER, REFLECTION, "x", null, null,
                    null, TODAY)).when(new RecordReflection(ATTEMPT, OWNER, REFLECTION, TODAY, "x", null, null,
                    null)), ProblemType.CONCURRENT_CHANGE);
        }

        @Test
        void onlyTheOwnerReflects() {
            expectNotFound(fixture.given(LOGGED).when(new RecordReflection(ATTEMPT, STRANGER, REFLECTION, TODAY,
                    "mine?", null, null, null)));
        }
    }

    @Nested
    class Shareable {

        @Test
        void aRejectionShowsItsOwnStageAndSting() {
            AttemptAggregate attempt = attempt(LOGGED, new AttemptAdvanced(ATTEMPT, OWNER, "phone screen", SENT, null),
                    new RejectionReceived(ATTEMPT, OWNER, TODAY, "final round", null, 4));
            assertThat(attempt.shareable(OWNER)).isEqualTo(new ShareableAttempt(ATTEMPT, AttemptStatus.REJECTED,
                    Category.JOB, "final round", 4, TODAY));
        }

        @Test
        void withoutAStageInTheRejectionTheLastProgressIsTheStageReached() {
            AttemptAggregate attempt = attempt(LOGGED, new AttemptAdvanced(ATTEMPT, OWNER, "phone screen", SENT, null),
                    new AttemptAdvanced(ATTEMPT, OWNER, "onsite", SENT.plusDays(3), null),
                    new AttemptCorrected(ATTEMPT, OWNER, Category.GRANT, null, null, null, null, null),
                    new RejectionReceived(ATTEMPT, OWNER, TODAY, null, "no", null));
            assertThat(attempt.shareable(OWNER)).isEqualTo(new ShareableAttempt(ATTEMPT, AttemptStatus.REJECTED,
                    Category.GRANT, "onsite", null, TODAY));
        }

        @Test
        void aGhostingOrAnAcceptanceIsShareableWithoutASting() {
            assertThat(attempt(LOGGED, new AttemptGhosted(ATTEMPT, OWNER, TODAY, true)).shareable(OWNER))
                    .isEqualTo(new ShareableAttempt(ATTEMPT, AttemptStatus.GHOSTED, Category.JOB, null, null, TODAY));
            assertThat(attempt(LOGGED, new AttemptAdvanced(ATTEMPT, OWNER, "offer call", SENT, null),
                    new AcceptanceReceived(ATTEMPT, OWNER, TODAY, null)).shareable(OWNER))
                    .isEqualTo(new ShareableAttempt(ATTEMPT, AttemptStatus.ACCEPTED, Category.JOB, "offer call", null,
                            TODAY));
        }

        @Test
        void aLateRejectionAfterAGhostingIsTheOutcome() {
            assertThat(attempt(LOGGED, new AttemptGhosted(ATTEMPT, OWNER, SENT.plusDays(5), false),
                    new RejectionReceived(ATTEMPT, OWNER, TODAY, null, null, 2)).shareable(OWNER))
                    .isEqualTo(new ShareableAttempt(ATTEMPT, AttemptStatus.REJECTED, Category.JOB, null, 2, TODAY));
        }

        @Test
        void aWaitingOrWithdrawnAttemptIsNotShareable() {
            expectThrown(() -> attempt(LOGGED).shareable(OWNER), ProblemType.NOT_SHAREABLE);
            expectThrown(() -> attempt(LOGGED, new AttemptWithdrawn(ATTEMPT, OWNER, TODAY, null))
                    .shareable(OWNER), ProblemType.NOT_SHAREABLE);
        }

        @Test
        void toAnyoneButItsOwnerItDoesNotExist() {
            expectThrown(() -> attempt(LOGGED, new AttemptGhosted(ATTEMPT, OWNER, TODAY, true))
                    .shareable(STRANGER), ProblemType.NOT_FOUND);
            expectThrown(() -> new AttemptAggregate().shareable(OWNER), ProblemType.NOT_FOUND);
        }

        /** The attempt as its events make it; shareable() only reads it. */
        private AttemptAggregate attempt(Object... events) {
            AttemptAggregate attempt = new AttemptAggregate();
            for (Object event : events) {
                if (event instanceof AttemptLogged e) {
                    attempt.on(e);
                }
                else if (event instanceof AttemptAdvanced e) {
                    attempt.on(e);
                }
                else if (event instanceof AttemptCorrected e) {
                    attempt.on(e);
                }
                else if (event instanceof RejectionReceived e) {
                    attempt.on(e);
                }
                else if (event instanceof AcceptanceReceived e) {
                    attempt.on(e);
                }
                else if (event instanceof AttemptGhosted e) {
                    attempt.on(e);
                }
                else if (event instanceof AttemptWithdrawn e) {
                    attempt.on(e);
                }
                else {
                    throw new IllegalArgumentException(event.toString());
                }
            }
            return attempt;
        }

        private void expectThrown(Runnable call, ProblemType type) {
            assertThat(catchThrowable(call::run)).matches(thrown -> violation(type, null).matches(thrown),
                    type.toString());
        }
    }
}
