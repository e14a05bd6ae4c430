package app.ghostresume.command.share;

import java.time.LocalDate;
import java.util.UUID;

import app.ghostresume.command.platform.Addressed;
import app.ghostresume.command.platform.Subject;
import app.ghostresume.events.ShareAudience;
import app.ghostresume.events.SupportKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands about shares. Each carries the acting seeker (the author, a supporter, a reporter or an operator) and
 * {@code today} in that seeker's time zone, the day of the events it records.
 */
final class ShareCommands {

    private ShareCommands() {
    }

    /** A command about a share: not finding it is a missing {@link Subject#SHARE}. */
    interface ShareCommand extends Addressed {

        @Override
        default Subject subject() {
            return Subject.SHARE;
        }
    }

    /**
     * Shares an attempt (anew, after a withdrawal): handled by {@link ShareCommandHandler}, which reads the attempt first.
     *
     * @param today the author's today, the share's date
     * @param challengeId required when {@code audience} is CHALLENGE, refused otherwise
     */
    record ShareAttempt(UUID attemptId, UUID seekerId, LocalDate today, String story, boolean anonymous,
            ShareAudience audience, UUID challengeId) implements ShareCommand {
    }

    record WithdrawShare(@TargetAggregateIdentifier UUID shareId, UUID seekerId, LocalDate today) implements ShareCommand {
    }

    record OfferSupport(@TargetAggregateIdentifier UUID shareId, UUID seekerId, SupportKind kind, String message,
            LocalDate today) implements ShareCommand {
    }

    record WithdrawSupport(@TargetAggregateIdentifier UUID shareId, UUID seekerId, SupportKind kind,
            LocalDate today) implements ShareCommand {
    }

    /** {@code counts}: whether the reporter's account is old enough for the report to count toward hiding. */
    record ReportShare(@TargetAggregateIdentifier UUID shareId, UUID seekerId, String reason, boolean counts,
            LocalDate today) implements ShareCommand {
    }

    /** An operator's review of a share hidden after reports. */
    record ReviewShare(@TargetAggregateIdentifier UUID shareId, UUID operatorId, ReviewDecision decision, String note,
            LocalDate today) implements ShareCommand {
    }

    enum ReviewDecision {
        /** Back in its feeds; the reports so far no longer count toward hiding it. */
        RESTORE,
        /** Out of every feed for good. */
        REMOVE
    }

    /** A new share and its version. */
    record SharedAs(UUID shareId, long version) {
    }

    /**
     * The support of one kind now in force, and the share's version when it was given (which a consistency token
     * needs: the supporter's own event at that position).
     */
    record Supported(SupportKind kind, String message, long version) {
    }
}
