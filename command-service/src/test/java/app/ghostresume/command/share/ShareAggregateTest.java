package app.ghostresume.command.share;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.command.attempt.ShareableAttempt;
import app.ghostresume.command.attempt.ShareableAttempts;
import app.ghostresume.command.challenge.ChallengeMembership;
import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.command.platform.Subject;
import app.ghostresume.command.share.ShareCommands.OfferSupport;
import app.ghostresume.command.share.ShareCommands.ReportShare;
import app.ghostresume.command.share.ShareCommands.ReviewDecision;
import app.ghostresume.command.share.ShareCommands.ReviewShare;
import app.ghostresume.command.share.ShareCommands.ShareAttempt;
import app.ghostresume.command.share.ShareCommands.SharedAs;
import app.ghostresume.command.share.ShareCommands.Supported;
import app.ghostresume.command.share.ShareCommands.WithdrawShare;
import app.ghostresume.command.share.ShareCommands.WithdrawSupport;
import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.events.RejectionShared;
import app.ghostresume.events.ShareAudience;
import app.ghostresume.events.ShareHidden;
import app.ghostresume.events.ShareRemoved;
import app.ghostresume.events.ShareReported;
import app.ghostresume.events.ShareRestored;
import app.ghostresume.events.ShareWithdrawn;
import app.ghostresume.events.SupportKind;
import app.ghostresume.events.SupportOffered;
import app.ghostresume.events.SupportWithdrawn;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static app.ghostresume.command.RuleViolations.expectInvalid;
import static app.ghostresume.command.RuleViolations.expectNotFound;
import static app.ghostresume.command.RuleViolations.expectViolation;
import static org.assertj.core.api.Assertions.assertThat;

class ShareAggregateTest {

    private static final UUID ATTEMPT = UUID.randomUUID();
    private static final UUID SHARE = ShareIds.of(ATTEMPT, 0);
    private static final UUID AUTHOR = UUID.randomUUID();
    private static final UUID FRIEND = UUID.randomUUID();
    private static final UUID STRANGER = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final UUID CHALLENGE = UUID.randomUUID();
    private static final UUID INVITE_ONLY = UUID.randomUUID();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final LocalDate DECIDED = LocalDate.of(2026, 11, 12);
    private static final ShareableAttempt REJECTED = new ShareableAttempt(ATTEMPT, AttemptStatus.REJECTED,
            Category.PITCH, "second round", 4, DECIDED);

    private static final RejectionShared SHARED = shared(ShareAudience.PUBLIC, null, "it stung", false);
    private static final RejectionShared SHARED_WITH_CHALLENGE = shared(ShareAudience.CHALLENGE, CHALLENGE, null,
            true);

    private AggregateTestFixture<ShareAggregate> fixture;
    /** The attempt's facts, or the violation reading them throws. */
    private Object attempt;
    /** Members per challenge; challenges not in {@link #publicChallenges} are invite-only. */
    private final Map<UUID, Set<UUID>> members = new HashMap<>();
    private final Set<UUID> publicChallenges = new HashSet<>();

    @BeforeEach
    void setUp() {
        attempt = REJECTED;
        members.put(CHALLENGE, new HashSet<>(Set.of(AUTHOR, FRIEND)));
        members.put(INVITE_ONLY, new HashSet<>(Set.of(FRIEND)));
        publicChallenges.add(CHALLENGE);
        ChallengeMembership membership = (challengeId, seekerId) -> {
            if (!members.containsKey(challengeId)) {
                return ChallengeMembership.Standing.UNKNOWN;
            }
            if (members.get(challengeId).contains(seekerId)) {
                return ChallengeMembership.Standing.MEMBER;
            }
            return publicChallenges.contains(challengeId) ? ChallengeMembership.Standing.OUTSIDER
                    : ChallengeMembership.Standing.UNKNOWN;
        };
        ShareableAttempts attempts = (attemptId, seekerId) -> {
            if (!attemptId.equals(ATTEMPT) || !seekerId.equals(AUTHOR)) {
                throw RuleViolation.notFound(Subject.ATTEMPT);
            }
            if (attempt instanceof RuntimeException violation) {
                throw violation;
            }
            return (ShareableAttempt) attempt;
        };
        fixture = new AggregateTestFixture<>(ShareAggregate.class);
        fixture.registerInjectableResource(membership);
        fixture.registerAnnotatedCommandHandler(new ShareCommandHandler(attempts, membership, fixture::getRepository));
    }

    @Nested
    class Sharing {

        @Test
        void sharesARejectionWithWhatItMayShow() {
            fixture.givenNoPriorActivity()
                    .when(share(ShareAudience.PUBLIC, null, "it stung", false))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(SHARED)
                    .expectResultMessagePayload(new SharedAs(SHARE, 0L));
        }

        @Test
        void sharesWithAChallengeItsAuthorIsIn() {
            fixture.givenNoPriorActivity()
                    .when(share(ShareAudience.CHALLENGE, CHALLENGE, null, true))
                    .expectEvents(SHARED_WITH_CHALLENGE);
        }

        @Test
        void sharesAnAcceptanceOrAGhostingToo() {
            attempt = new ShareableAttempt(ATTEMPT, AttemptStatus.ACCEPTED, Category.JOB, null, null, DECIDED);
            fixture.givenNoPriorActivity()
                    .when(share(ShareAudience.PUBLIC, null, null, false))
                    .expectEvents(new RejectionShared(SHARE, AUTHOR, ATTEMPT, AttemptStatus.ACCEPTED, Category.JOB,
                            null, null, DECIDED, TODAY, null, false, ShareAudience.PUBLIC, null));
        }

        @Test
        void onlyTheAttemptsOwnerShares() {
            expectNotFound(fixture.givenNoPriorActivity().when(new ShareAttempt(ATTEMPT, STRANGER, TODAY, null, false,
                    ShareAudience.PUBLIC, null)));
        }

        @Test
        void anAttemptStillWaitingOrWithdrawnIsNotShareable() {
            attempt = RuleViolation.of(ProblemType.NOT_SHAREABLE, "waiting");
            expectViolation(fixture.givenNoPriorActivity().when(share(ShareAudience.PUBLIC, null, null, false)), ProblemType.NOT_SHAREABLE);
        }

        @Test
        void aChallengeShareNamesItsChallengeAndOnlyIt() {
            expectInvalid(fixture.givenNoPriorActivity().when(share(ShareAudience.CHALLENGE, null, null, false)),
                    "challengeId");
            expectInvalid(fixture.givenNoPriorActivity().when(share(ShareAudience.PUBLIC, CHALLENGE, null, false)),
                    "challengeId");
        }

        @Test
        void anUnknownOrInviteOnlyChallengeTheAuthorIsNotInIsNotFound() {
            expectNotFound(fixture.givenNoPriorActivity()
                    .when(share(ShareAudience.CHALLENGE, UUID.randomUUID(), null, false)));
            expectNotFound(fixture.givenNoPriorActivity()
                    .when(share(ShareAudience.CHALLENGE, INVITE_ONLY, null, false)));
        }

        @Test
        void aPublicChallengeTheAuthorIsNotInIsRefused() {
            members.get(CHALLENGE).remove(AUTHOR);
            expectViolation(fixture.givenNoPriorActivity().when(share(ShareAudience.CHALLENGE, CHALLENGE, null,
                    false)), ProblemType.NOT_A_MEMBER);
        }

        @Test
        void anAttemptHasOneActiveShare() {
            expectViolation(fixture.given(SHARED).when(share(ShareAudience.PUBLIC, null, "again", false)), ProblemType.ALREADY_SHARED);
        }

        @Test
        void eachSharingIsAShareOfItsOwnWithItsOwnId() {
            assertThat(ShareIds.of(ATTEMPT, 1)).isNotEqualTo(SHARE);
            assertThat(ShareIds.of(ATTEMPT, 1)).isEqualTo(ShareIds.of(ATTEMPT, 1));
            assertThat(ShareIds.of(UUID.randomUUID(), 0)).isNotEqualTo(SHARE);
        }

        @Test
        void aHiddenShareIsNotSharedAgain() {
            expectViolation(fixture.given(SHARED, report(FRIEND), report(STRANGER), report(OTHER),
                    new ShareHidden(SHARE, OTHER, 3, TODAY), withdrawn()).when(share(ShareAudience.PUBLIC, null, null,
                    false)), ProblemType.SHARE_HIDDEN);
        }
    }

    @Nested
    class Withdrawing {

        @Test
        void theAuthorWithdrawsTheirShare() {
            fixture.given(SHARED).when(new WithdrawShare(SHARE, AUTHOR, TODAY)).expectEvents(withdrawn());
        }

        @Test
        void withdrawingAgainChangesNothing() {
            fixture.given(SHARED, withdrawn()).when(new WithdrawShare(SHARE, AUTHOR, TODAY))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void theAuthorMayWithdrawAHiddenShare() {
            fixture.given(SHARED, report(FRIEND), report(STRANGER), report(OTHER), new ShareHidden(SHARE, OTHER, 3,
                    TODAY))
                    .when(new WithdrawShare(SHARE, AUTHOR, TODAY)).expectEvents(withdrawn());
        }

        @Test
        void othersWhoSeeItAreForbiddenAndOthersDoNotSeeIt() {
            expectViolation(fixture.given(SHARED).when(new WithdrawShare(SHARE, STRANGER, TODAY)), ProblemType.NOT_AUTHOR);
            expectViolation(fixture.given(SHARED_WITH_CHALLENGE).when(new WithdrawShare(SHARE, FRIEND, TODAY)), ProblemType.NOT_AUTHOR);
            expectNotFound(fixture.given(SHARED_WITH_CHALLENGE).when(new WithdrawShare(SHARE, STRANGER, TODAY)));
            expectNotFound(fixture.given(SHARED, withdrawn()).when(new WithdrawShare(SHARE, STRANGER, TODAY)));
        }
    }

    @Nested
    class Support {

        @Test
        void anotherSeekerSupportsAShare() {
            fixture.given(SHARED)
                    .when(new OfferSupport(SHARE, FRIEND, SupportKind.ME_TOO, "same here", TODAY))
                    .expectEvents(new SupportOffered(SHARE, FRIEND, SupportKind.ME_TOO, "same here", TODAY))
                    .expectResultMessagePayload(new Supported(SupportKind.ME_TOO, "same here", 0L));
        }

        @Test
        void theAnswersTokenCountsTheSupportersOwnEventsNeverOthersReports() {
            fixture.given(SHARED, report(STRANGER), report(OTHER), new SupportOffered(SHARE, FRIEND,
                    SupportKind.HUG, null, TODAY), new SupportWithdrawn(SHARE, FRIEND, SupportKind.HUG, TODAY))
                    .when(new OfferSupport(SHARE, FRIEND, SupportKind.PROUD, null, TODAY))
                    .expectResultMessagePayload(new Supported(SupportKind.PROUD, null, 2L));
        }

        @Test
        void aRepeatAnswersTheOrdinalOfTheFirstSoItsConsistencyTokenCanBeMet() {
            fixture.given(SHARED, new SupportOffered(SHARE, FRIEND, SupportKind.HUG, "first", TODAY),
                    new SupportOffered(SHARE, STRANGER, SupportKind.HUG, null, TODAY))
                    .when(new OfferSupport(SHARE, FRIEND, SupportKind.HUG, "again", TODAY))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Supported(SupportKind.HUG, "first", 0L));
        }

        @Test
        void eachKindOnceASecondTimeChangesNothingAndKeepsTheFirstMessage() {
            fixture.given(SHARED, new SupportOffered(SHARE, FRIEND, SupportKind.HUG, "first", TODAY))
                    .when(new OfferSupport(SHARE, FRIEND, SupportKind.HUG, "second", TODAY))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new Supported(SupportKind.HUG, "first", 0L));
            fixture.given(SHARED, new SupportOffered(SHARE, FRIEND, SupportKind.HUG, "first", TODAY))
                    .when(new OfferSupport(SHARE, FRIEND, SupportKind.PROUD, null, TODAY))
                    .expectEvents(new SupportOffered(SHARE, FRIEND, SupportKind.PROUD, null, TODAY));
            fixture.given(SHARED, new SupportOffered(SHARE, FRIEND, SupportKind.HUG, "first", TODAY))
                    .when(new OfferSupport(SHARE, STRANGER, SupportKind.HUG, null, TODAY))
                    .expectEvents(new SupportOffered(SHARE, STRANGER, SupportKind.HUG, null, TODAY));
        }

        @Test
        void theAuthorDoesNotSupportTheirOwnShare() {
            expectViolation(fixture.given(SHARED).when(new OfferSupport(SHARE, AUTHOR, SupportKind.PROUD, null, TODAY)), ProblemType.OWN_SHARE);
        }

        @Test
        void aWithdrawnHiddenOrUnsharedShareTakesNoSupport() {
            expectNotFound(fixture.given(SHARED, withdrawn()).when(new OfferSupport(SHARE, FRIEND, SupportKind.HUG,
                    null, TODAY)));
            expectNotFound(fixture.given(SHARED, report(STRANGER), report(OTHER), report(UUID.randomUUID()),
                    new ShareHidden(SHARE, OTHER, 3, TODAY)).when(new OfferSupport(SHARE, FRIEND, SupportKind.HUG,
                            null, TODAY)));
        }

        @Test
        void onlyMembersSupportAChallengeShare() {
            fixture.given(SHARED_WITH_CHALLENGE)
                    .when(new OfferSupport(SHARE, FRIEND, SupportKind.YOU_GOT_THIS, null, TODAY))
                    .expectEvents(new SupportOffered(SHARE, FRIEND, SupportKind.YOU_GOT_THIS, null, TODAY));
            expectNotFound(fixture.given(SHARED_WITH_CHALLENGE)
                    .when(new OfferSupport(SHARE, STRANGER, SupportKind.YOU_GOT_THIS, null, TODAY)));
        }

        @Test
        void supportIsTakenBackKindByKind() {
            fixture.given(SHARED, new SupportOffered(SHARE, FRIEND, SupportKind.HUG, null, TODAY))
                    .when(new WithdrawSupport(SHARE, FRIEND, SupportKind.HUG, TODAY))
                    .expectEvents(new SupportWithdrawn(SHARE, FRIEND, SupportKind.HUG, TODAY));
            fixture.given(SHARED, new SupportOffered(SHARE, FRIEND, SupportKind.HUG, null, TODAY),
                    new SupportWithdrawn(SHARE, FRIEND, SupportKind.HUG, TODAY))
                    .when(new OfferSupport(SHARE, FRIEND, SupportKind.HUG, "back", TODAY))
                    .expectEvents(new SupportOffered(SHARE, FRIEND, SupportKind.HUG, "back", TODAY));
        }

        @Test
        void takingBackAKindNotGivenChangesNothingUnlessTheShareIsNotVisible() {
            fixture.given(SHARED, new SupportOffered(SHARE, FRIEND, SupportKind.HUG, null, TODAY))
                    .when(new WithdrawSupport(SHARE, FRIEND, SupportKind.PROUD, TODAY))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(SHARED).when(new WithdrawSupport(SHARE, AUTHOR, SupportKind.PROUD, TODAY))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            expectNotFound(fixture.given(SHARED_WITH_CHALLENGE).when(new WithdrawSupport(SHARE, STRANGER,
                    SupportKind.HUG, TODAY)));
            expectNotFound(fixture.given(SHARED, new SupportOffered(SHARE, FRIEND, SupportKind.HUG, null, TODAY),
                    withdrawn()).when(new WithdrawSupport(SHARE, FRIEND, SupportKind.HUG, TODAY)));
        }

        @Test
        void aMemberWhoLeftMayStillTakeTheirSupportBack() {
            members.get(CHALLENGE).remove(FRIEND);
            fixture.given(SHARED_WITH_CHALLENGE, new SupportOffered(SHARE, FRIEND, SupportKind.HUG, null, TODAY))
                    .when(new WithdrawSupport(SHARE, FRIEND, SupportKind.HUG, TODAY))
                    .expectEvents(new SupportWithdrawn(SHARE, FRIEND, SupportKind.HUG, TODAY));
        }
    }

    @Nested
    class Reports {

        @Test
        void aSeekerReportsAShare() {
            fixture.given(SHARED).when(new ReportShare(SHARE, FRIEND, "spam", true,
                    TODAY)).expectEvents(report(FRIEND));
        }

        @Test
        void aSecondReportBySameSeekerChangesNothing() {
            fixture.given(SHARED, report(FRIEND)).when(new ReportShare(SHARE, FRIEND, "still spam", true, TODAY))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void theThirdDistinctReporterHidesTheShareOnce() {
            fixture.given(SHARED, report(FRIEND), report(FRIEND), report(STRANGER))
                    .when(new ReportShare(SHARE, OTHER, "spam", true, TODAY))
                    .expectEvents(report(OTHER), new ShareHidden(SHARE, OTHER, 3, TODAY));
        }

        @Test
        void twoDistinctReportersDoNotHideIt() {
            fixture.given(SHARED, report(FRIEND))
                    .when(new ReportShare(SHARE, STRANGER, "spam", true, TODAY))
                    .expectEvents(report(STRANGER));
        }

        @Test
        void aHiddenShareTakesNoMoreReports() {
            expectNotFound(fixture.given(SHARED, report(FRIEND), report(STRANGER), report(OTHER),
                    new ShareHidden(SHARE, OTHER, 3, TODAY)).when(new ReportShare(SHARE, UUID.randomUUID(), "spam",
                            true, TODAY)));
        }

        @Test
        void reportsOutliveAWithdrawal() {
            fixture.given(SHARED, report(FRIEND), report(STRANGER), withdrawn(), SHARED)
                    .when(new ReportShare(SHARE, OTHER, "spam", true, TODAY))
                    .expectEvents(report(OTHER), new ShareHidden(SHARE, OTHER, 3, TODAY));
        }

        @Test
        void theAuthorDoesNotReportTheirOwnShare() {
            expectViolation(fixture.given(SHARED).when(new ReportShare(SHARE, AUTHOR, "spam", true, TODAY)), ProblemType.OWN_SHARE);
        }

        @Test
        void aReportFromAnAccountTooNewIsRecordedButDoesNotCountTowardHiding() {
            fixture.given(SHARED, report(FRIEND), report(STRANGER))
                    .when(new ReportShare(SHARE, OTHER, "spam", false, TODAY))
                    .expectEvents(new ShareReported(SHARE, OTHER, "spam", false, TODAY));
        }

        @Test
        void threeReportsFromNewAccountsHideNothing() {
            UUID fourth = UUID.randomUUID();
            fixture.given(SHARED, new ShareReported(SHARE, FRIEND, "spam", false, TODAY),
                    new ShareReported(SHARE, STRANGER, "spam", false, TODAY), new ShareReported(SHARE, OTHER, "spam",
                            false, TODAY))
                    .when(new ReportShare(SHARE, fourth, "spam", false, TODAY))
                    .expectEvents(new ShareReported(SHARE, fourth, "spam", false, TODAY));
        }

        @Test
        void onlyThoseWhoSeeAShareReportIt() {
            expectNotFound(fixture.given(SHARED_WITH_CHALLENGE).when(new ReportShare(SHARE, STRANGER, "spam", true,
                    TODAY)));
            expectNotFound(fixture.given(SHARED, withdrawn()).when(new ReportShare(SHARE, STRANGER, "spam", true,
                    TODAY)));
        }
    }

    @Nested
    class Review {

        private final UUID operator = UUID.randomUUID();
        private final Object[] hidden = { SHARED, report(FRIEND), report(STRANGER), report(OTHER),
                new ShareHidden(SHARE, OTHER, 3, TODAY) };

        @Test
        void anOperatorRestoresAHiddenShareAndItTakesSupportAgain() {
            fixture.given(hidden).when(new ReviewShare(SHARE, operator, ReviewDecision.RESTORE, "fine", TODAY))
                    .expectEvents(new ShareRestored(SHARE, operator, "fine", TODAY));
            fixture.given(with(hidden, new ShareRestored(SHARE, operator, "fine", TODAY)))
                    .when(new OfferSupport(SHARE, UUID.randomUUID(), SupportKind.HUG, null, TODAY))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void afterARestoreOnlyNewReportsCountTowardHidingItAgain() {
            UUID fourth = UUID.randomUUID();
            UUID fifth = UUID.randomUUID();
            fixture.given(with(hidden, new ShareRestored(SHARE, operator, null, TODAY), report(fourth)))
                    .when(new ReportShare(SHARE, fifth, "spam", true, TODAY))
                    .expectEvents(report(fifth));
            // the reporters before the review cannot report again
            fixture.given(with(hidden, new ShareRestored(SHARE, operator, null, TODAY)))
                    .when(new ReportShare(SHARE, FRIEND, "again", true, TODAY))
                    .expectNoEvents();
        }

        @Test
        void aRemovedShareStaysHiddenAndItsAttemptIsNotSharedAgain() {
            fixture.given(hidden).when(new ReviewShare(SHARE, operator, ReviewDecision.REMOVE, "names a person", TODAY))
                    .expectEvents(new ShareRemoved(SHARE, operator, "names a person", TODAY));
            expectViolation(fixture.given(with(hidden, new ShareRemoved(SHARE, operator, null, TODAY)))
                    .when(new ReviewShare(SHARE, operator, ReviewDecision.RESTORE, null, TODAY)), ProblemType.NOT_PENDING_REVIEW);
            expectNotFound(fixture.given(with(hidden, new ShareRemoved(SHARE, operator, null, TODAY)))
                    .when(new OfferSupport(SHARE, UUID.randomUUID(), SupportKind.HUG, null, TODAY)));
        }

        @Test
        void onlyAHiddenShareAwaitsReview() {
            expectViolation(fixture.given(SHARED).when(new ReviewShare(SHARE, operator, ReviewDecision.REMOVE, null,
                    TODAY)), ProblemType.NOT_PENDING_REVIEW);
            expectViolation(fixture.given(SHARED, withdrawn())
                    .when(new ReviewShare(SHARE, operator, ReviewDecision.RESTORE, null, TODAY)), ProblemType.NOT_PENDING_REVIEW);
        }

        @Test
        void aShareWithdrawnWhileHiddenIsReviewedSoItsAttemptMayBeSharedAnew() {
            fixture.given(with(hidden, withdrawn()))
                    .when(new ReviewShare(SHARE, operator, ReviewDecision.RESTORE, null, TODAY))
                    .expectEvents(new ShareRestored(SHARE, operator, null, TODAY));
        }

        private Object[] with(Object[] events, Object... more) {
            Object[] all = Arrays.copyOf(events, events.length + more.length);
            System.arraycopy(more, 0, all, events.length, more.length);
            return all;
        }
    }

    private static ShareAttempt share(ShareAudience audience, UUID challengeId, String story, boolean anonymous) {
        return new ShareAttempt(ATTEMPT, AUTHOR, TODAY, story, anonymous, audience, challengeId);
    }

    private static RejectionShared shared(ShareAudience audience, UUID challengeId, String story, boolean anonymous) {
        return new RejectionShared(SHARE, AUTHOR, ATTEMPT, AttemptStatus.REJECTED, Category.PITCH, "second round", 4,
                DECIDED, TODAY, story, anonymous, audience, challengeId);
    }

    private static ShareWithdrawn withdrawn() {
        return new ShareWithdrawn(SHARE, AUTHOR, TODAY);
    }

    private static ShareReported report(UUID reporter) {
        return new ShareReported(SHARE, reporter, "spam", TODAY);
    }
}
