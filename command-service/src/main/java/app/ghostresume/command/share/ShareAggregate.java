package app.ghostresume.command.share;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.command.challenge.ChallengeMembership;
import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.command.platform.Subject;
import app.ghostresume.command.share.ShareCommands.OfferSupport;
import app.ghostresume.command.share.ShareCommands.ReportShare;
import app.ghostresume.command.share.ShareCommands.ReviewShare;
import app.ghostresume.command.share.ShareCommands.Supported;
import app.ghostresume.command.share.ShareCommands.WithdrawShare;
import app.ghostresume.command.share.ShareCommands.WithdrawSupport;
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
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One sharing of an attempt, which many seekers act on: its author shares and withdraws it, others support or
 * report it. Created by {@link ShareCommandHandler}, which reads the attempt and its earlier shares.
 *
 * <p>Who sees it: a share is visible while it is active (shared, not withdrawn) and not hidden, to everyone for a
 * PUBLIC share, to the challenge's current members for a CHALLENGE one. To anyone it is not visible to, it does
 * not exist (404, worded like an unknown id); its author always knows it.
 *
 * <p>Sharing: one share up per attempt (409 {@code already-shared}). After a withdrawal the author may share the
 * attempt anew: that is a new share with a new id ({@link ShareIds}), the attempt's facts of then, and no support
 * or reports yet. An attempt whose share was hidden after reports cannot be shared again (409
 * {@code share-hidden}).
 *
 * <p>Withdrawing: by the author only (others: 403 {@code not-author} if they can see it, else 404), possible while
 * hidden; once withdrawn, withdrawing again changes nothing.
 *
 * <p>Support: on a visible share, not by its author (422 {@code own-share}), each kind at most once per seeker: a
 * repeat changes nothing (the first message stays). Taking back a kind not given changes nothing; taking back one's
 * own support is possible even when the share is no longer visible.
 *
 * <p>Reports: on a visible share, not by its author (422 {@code own-share}), once per seeker (a repeat changes
 * nothing). A report counts toward hiding only when its reporter's account is old enough ({@link ShareController}
 * decides); the {@value #REPORTS_TO_HIDE}rd counting report since the share's last review also hides it
 * ({@code ShareHidden}, once): a hidden share takes no more support or reports, and awaits an operator's review.
 * Restored ({@code ShareRestored}), it is visible again and the reports so far no longer count (nobody reports
 * twice); removed ({@code ShareRemoved}), it stays hidden for good and its attempt cannot be shared again (409
 * {@code share-removed}). Anything but a hidden share is 409 {@code not-pending-review} to a review.
 *
 * <p>State is kept small: the author, audience and flags, who gave which kind (with its message and position, to
 * answer a repeat truthfully) and who reported. It is snapshotted ({@link ShareConfiguration}) like a challenge.
 *
 * <p>Concurrent commands on one share are serialized by Axon's aggregate lock within an instance and by the event
 * store's unique sequence across instances (409 {@code concurrent-change}). A share command locks the attempt,
 * then the share, then the challenge; the others lock the share, then the challenge: always in that order.
 */
@Aggregate(snapshotTriggerDefinition = "shareSnapshotTrigger")
@Revision("2") // snapshots of revision 1 (no counting reporters, support by version) are not used
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class ShareAggregate {

    static final int REPORTS_TO_HIDE = 3;
    static final int MAX_STORY = 2000;
    static final int MAX_MESSAGE = 500;
    static final int MAX_REASON = 500;

    @AggregateIdentifier
    private UUID shareId;
    private UUID authorId;
    private boolean active;
    private boolean hidden;
    private ShareAudience audience;
    private UUID challengeId;
    /** Per supporter, the kinds given, with their messages and the supporter's ordinals of them. */
    private final Map<UUID, Map<SupportKind, Given>> supports = new HashMap<>();
    /** How many of the share's events each seeker did: what their consistency tokens count (see {@link #ordinal}). */
    private final Map<UUID, Long> eventsBy = new HashMap<>();
    private final Set<UUID> reporters = new HashSet<>();
    /** The reporters whose reports count toward hiding the share, since its last review. */
    private final Set<UUID> countingReporters = new HashSet<>();
    private boolean removed;

    ShareAggregate() {
        // for Axon
    }

    /** Where a share stands, for sharing its attempt: never used, up, hidden after reports, or taken back. */
    enum Standing {
        UNUSED,
        UP,
        HIDDEN,
        REMOVED,
        WITHDRAWN
    }

    Standing standing() {
        if (authorId == null) {
            return Standing.UNUSED;
        }
        if (removed) {
            return Standing.REMOVED;
        }
        if (hidden) {
            return Standing.HIDDEN;
        }
        return active ? Standing.UP : Standing.WITHDRAWN;
    }

    /**
     * Shares the attempt on this new, empty share, with the facts {@link ShareCommandHandler} checked; answers the
     * share's version.
     */
    long share(RejectionShared shared) {
        if (standing() != Standing.UNUSED) {
            throw new IllegalStateException("share " + shareId + " is in use");
        }
        apply(shared);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    void handle(WithdrawShare command, ChallengeMembership membership) {
        if (command.seekerId().equals(authorId)) {
            if (active) {
                apply(new ShareWithdrawn(shareId, authorId, command.today()));
            }
            return;
        }
        if (visibleTo(command.seekerId(), membership)) {
            throw RuleViolation.of(ProblemType.NOT_AUTHOR, "Only its author may withdraw a share.");
        }
        throw RuleViolation.notFound(Subject.SHARE);
    }

    @CommandHandler
    Supported handle(OfferSupport command, ChallengeMembership membership) {
        requireAnswerable(command.seekerId(), membership, "You cannot support your own share.");
        Map<SupportKind, Given> given = supports.get(command.seekerId());
        if (given != null && given.containsKey(command.kind())) {
            Given first = given.get(command.kind());
            return new Supported(command.kind(), first.message(), first.ordinal());
        }
        apply(new SupportOffered(shareId, command.seekerId(), command.kind(), command.message(), command.today()));
        return new Supported(command.kind(), command.message(), eventsBy.get(command.seekerId()) - 1);
    }

    @CommandHandler
    void handle(WithdrawSupport command, ChallengeMembership membership) {
        Map<SupportKind, Given> given = supports.get(command.seekerId());
        if (given != null && given.containsKey(command.kind())) {
            apply(new SupportWithdrawn(shareId, command.seekerId(), command.kind(), command.today()));
            return;
        }
        if (!command.seekerId().equals(authorId) && !visibleTo(command.seekerId(), membership)) {
            throw RuleViolation.notFound(Subject.SHARE);
        }
    }

    @CommandHandler
    void handle(ReportShare command, ChallengeMembership membership) {
        requireAnswerable(command.seekerId(), membership, "You cannot report your own share.");
        if (reporters.contains(command.seekerId())) {
            return;
        }
        apply(new ShareReported(shareId, command.seekerId(), command.reason(), command.counts(), command.today()));
        if (!hidden && countingReporters.size() >= REPORTS_TO_HIDE) {
            apply(new ShareHidden(shareId, command.seekerId(), countingReporters.size(), command.today()));
        }
    }

    /** An operator restores or removes a share hidden after reports; anything else is not pending review. */
    @CommandHandler
    void handle(ReviewShare command) {
        // a share withdrawn while hidden is reviewed too: restored, its attempt may be shared anew
        if (authorId == null || !hidden || removed) {
            throw RuleViolation.of(ProblemType.NOT_PENDING_REVIEW,
                    "Only a share hidden after reports awaits review.");
        }
        switch (command.decision()) {
            case RESTORE -> apply(new ShareRestored(shareId, command.operatorId(), command.note(), command.today()));
            case REMOVE -> apply(new ShareRemoved(shareId, command.operatorId(), command.note(), command.today()));
        }
    }

    /** Visible to the seeker, and not theirs. */
    private void requireAnswerable(UUID seekerId, ChallengeMembership membership, String ownShare) {
        if (authorId == null || !active || hidden) {
            throw RuleViolation.notFound(Subject.SHARE);
        }
        if (seekerId.equals(authorId)) {
            throw RuleViolation.of(ProblemType.OWN_SHARE, ownShare);
        }
        if (!visibleTo(seekerId, membership)) {
            throw RuleViolation.notFound(Subject.SHARE);
        }
    }

    /** Only a CHALLENGE share asks the challenge, so a PUBLIC one never loads it. */
    private boolean visibleTo(UUID seekerId, ChallengeMembership membership) {
        return authorId != null && active && !hidden
                && (audience == ShareAudience.PUBLIC || membership.isMember(challengeId, seekerId));
    }

    @EventSourcingHandler
    void on(RejectionShared event) {
        ordinal(event.seekerId());
        shareId = event.shareId();
        authorId = event.seekerId();
        active = true;
        audience = event.audience();
        challengeId = event.challengeId();
    }

    @EventSourcingHandler
    void on(ShareWithdrawn event) {
        ordinal(event.seekerId());
        active = false;
        supports.clear();
    }

    @EventSourcingHandler
    void on(SupportOffered event) {
        long ordinal = ordinal(event.seekerId());
        supports.computeIfAbsent(event.seekerId(), supporter -> new EnumMap<>(SupportKind.class))
                .put(event.kind(), new Given(event.message(), ordinal));
    }

    @EventSourcingHandler
    void on(SupportWithdrawn event) {
        ordinal(event.seekerId());
        Map<SupportKind, Given> given = supports.get(event.seekerId());
        if (given != null) {
            given.remove(event.kind());
            if (given.isEmpty()) {
                supports.remove(event.seekerId());
            }
        }
    }

    @EventSourcingHandler
    void on(ShareReported event) {
        ordinal(event.seekerId());
        reporters.add(event.seekerId());
        if (event.counts()) {
            countingReporters.add(event.seekerId());
        }
    }

    @EventSourcingHandler
    void on(ShareHidden event) {
        ordinal(event.seekerId());
        hidden = true;
    }

    @EventSourcingHandler
    void on(ShareRestored event) {
        ordinal(event.seekerId());
        hidden = false;
        countingReporters.clear();
    }

    @EventSourcingHandler
    void on(ShareRemoved event) {
        ordinal(event.seekerId());
        removed = true;
    }

    /**
     * Counts one more event done by {@code seekerId} and answers its ordinal among theirs on this share (0 for the
     * first). A consistency token names it, {@code <shareId>.<ordinal>}, and the query side waits until it holds that
     * many and one of the seeker's events: a token counts the seeker's own events only, never others' support or
     * reports (which a version number would, and which a supporter could then count).
     */
    private long ordinal(UUID seekerId) {
        return eventsBy.merge(seekerId, 1L, Long::sum) - 1;
    }

    /** One kind of support given: its message and the supporter's ordinal of it. */
    record Given(String message, long ordinal) {
    }
}
