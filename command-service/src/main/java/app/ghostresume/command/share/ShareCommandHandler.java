package app.ghostresume.command.share;

import java.util.UUID;
import java.util.function.Supplier;

import app.ghostresume.command.attempt.ShareableAttempt;
import app.ghostresume.command.attempt.ShareableAttempts;
import app.ghostresume.command.challenge.ChallengeMembership;
import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.command.share.ShareCommands.ShareAttempt;
import app.ghostresume.events.RejectionShared;
import app.ghostresume.events.ShareAudience;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Shares an attempt, in the one unit of work of the command: reads what may be shared of the attempt (its owner
 * only, 404 for anyone else; rejected, ghosted or accepted only, else 422), loads the attempt's share if it was
 * shared before, checks the author's membership for a CHALLENGE share (an unknown or invite-only challenge the
 * author is not in: 404; a public one they are not in: 422 {@code not-a-member}), then shares it ({@link
 * ShareAggregate}): the share is loaded, or created empty if the attempt was never shared, under its lock, so two
 * first shares cannot both pass. Nothing is recorded on the attempt or the challenge; a refusal records nothing.
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

    /** Answers the share's version after the command. */
    @CommandHandler
    long handle(ShareAttempt command) throws Exception {
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
        UUID shareId = ShareIds.of(command.attemptId());
        Aggregate<ShareAggregate> share = shares.get().loadOrCreate(shareId.toString(), ShareAggregate::new);
        if (command.audience() == ShareAudience.CHALLENGE) {
            switch (membership.standing(command.challengeId(), command.seekerId())) {
                case MEMBER -> {
                }
                case OUTSIDER -> throw RuleViolation.unprocessable("not-a-member", "Not a member",
                        "Only members of a challenge can share with it; join it first.");
                case UNKNOWN -> throw RuleViolation.notFound("challenge");
            }
        }
        RejectionShared shared = new RejectionShared(shareId, command.seekerId(), attempt.attemptId(),
                attempt.outcome(), attempt.category(), attempt.stageReached(), attempt.sting(), attempt.decidedOn(),
                command.today(), command.story(), command.anonymous(), command.audience(), command.challengeId());
        return share.invoke(aggregate -> aggregate.share(shared));
    }
}
