package app.ghostresume.command.share;

import app.ghostresume.command.platform.Subject;
import app.ghostresume.command.platform.ProblemType;
import java.util.UUID;
import java.util.function.Supplier;

import app.ghostresume.command.attempt.ShareableAttempt;
import app.ghostresume.command.attempt.ShareableAttempts;
import app.ghostresume.command.challenge.ChallengeMembership;
import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.command.share.ShareCommands.ShareAttempt;
import app.ghostresume.command.share.ShareCommands.SharedAs;
import app.ghostresume.events.RejectionShared;
import app.ghostresume.events.ShareAudience;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Shares an attempt, in the one unit of work of the command: reads what may be shared of the attempt (its owner
 * only, 404 for anyone else; rejected, ghosted or accepted only, else 422), walks the attempt's earlier shares
 * ({@link ShareIds}: each sharing is a share of its own) to the first one never used, refusing while one is up
 * (409 {@code already-shared}) or once one was hidden after reports (409 {@code share-hidden}), checks the
 * author's membership for a CHALLENGE share (an unknown or invite-only challenge the author is not in: 404; a
 * public one they are not in: 422 {@code not-a-member}), then shares it ({@link ShareAggregate}). Each share is
 * loaded, or created empty, under its lock, so two concurrent shares of one attempt cannot both pass. Nothing is
 * recorded on the attempt or the challenge; a refusal records nothing.
 *
 * <p>The aggregates are loaded in the order attempt, share, challenge, the order every share command keeps, so
 * concurrent commands cannot wait for each other's locks in a circle.
 */
class ShareCommandHandler {

    private final ShareableAttempts attempts;
    private final ChallengeMembership membership;
    private final Supplier<Repository<ShareAggregate>> shares;

    ShareCommandHandler(ShareableAttempts attempts, ChallengeMembership membership,
            Supplier<Repository<ShareAggregate>> shares) {
        this.attempts = attempts;
        this.membership = membership;
        this.shares = shares;
    }

    /** How often one attempt may be shared, withdrawn and shared anew. */
    static final int MAX_SHARINGS = 20;

    /** Answers the new share's id and version. */
    @CommandHandler
    SharedAs handle(ShareAttempt command) throws Exception {
        if (command.audience() == null) {
            throw RuleViolation.invalid("audience", "must be given");
        }
        if (command.audience() == ShareAudience.CHALLENGE && command.challengeId() == null) {
            throw RuleViolation.invalid("challengeId", "must be given for the audience CHALLENGE");
        }
        if (command.audience() == ShareAudience.PUBLIC && command.challengeId() != null) {
            throw RuleViolation.invalid("challengeId", "is only for the audience CHALLENGE");
        }
        if (command.story() != null && command.story().length() > ShareAggregate.MAX_STORY) {
            throw RuleViolation.invalid("story", "may be at most " + ShareAggregate.MAX_STORY + " characters");
        }
        ShareableAttempt attempt = attempts.shareable(command.attemptId(), command.seekerId());
        for (int sharing = 0; sharing < MAX_SHARINGS; sharing++) {
            UUID shareId = ShareIds.of(command.attemptId(), sharing);
            Aggregate<ShareAggregate> share = shares.get().loadOrCreate(shareId.toString(), ShareAggregate::new);
            switch (share.invoke(ShareAggregate::standing)) {
                case UNUSED -> {
                    return new SharedAs(shareId, share(command, attempt, shareId, share));
                }
                case UP -> throw RuleViolation.of(ProblemType.ALREADY_SHARED,
                        "This attempt is already shared; withdraw its share to share it anew.");
                case HIDDEN -> throw RuleViolation.of(ProblemType.SHARE_HIDDEN,
                        "This attempt's share is hidden after reports, pending review; it cannot be shared again.");
                case REMOVED -> throw RuleViolation.of(ProblemType.SHARE_REMOVED,
                        "This attempt's share was removed after review; it cannot be shared again.");
                case WITHDRAWN -> {
                    // shared before and taken back: on to the next sharing
                }
            }
        }
        throw RuleViolation.of(ProblemType.SHARED_TOO_OFTEN,
                "This attempt has been shared and withdrawn " + MAX_SHARINGS + " times; it cannot be shared again.");
    }

    private long share(ShareAttempt command, ShareableAttempt attempt, UUID shareId, Aggregate<ShareAggregate> share) {
        if (command.audience() == ShareAudience.CHALLENGE) {
            switch (membership.standing(command.challengeId(), command.seekerId())) {
                case MEMBER -> {
                }
                case OUTSIDER -> throw RuleViolation.of(ProblemType.NOT_A_MEMBER,
                        "Only members of a challenge can share with it; join it first.");
                case UNKNOWN -> throw RuleViolation.notFound(Subject.CHALLENGE);
            }
        }
        RejectionShared shared = new RejectionShared(shareId, command.seekerId(), attempt.attemptId(),
                attempt.outcome(), attempt.category(), attempt.stageReached(), attempt.sting(), attempt.decidedOn(),
                command.today(), command.story(), command.anonymous(), command.audience(), command.challengeId());
        return share.invoke(aggregate -> aggregate.share(shared));
    }
}
