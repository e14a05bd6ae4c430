package app.ghostresume.query.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.events.ChallengeCreated;
import app.ghostresume.events.ChallengeGoal;
import app.ghostresume.events.ChallengeJoined;
import app.ghostresume.events.ChallengeLeft;
import app.ghostresume.events.ChallengeWeeks;
import app.ghostresume.events.DateRange;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.EventType;
import app.ghostresume.events.RejectionShared;
import app.ghostresume.events.SeekerErased;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.events.ShareAudience;
import app.ghostresume.events.ShareHidden;
import app.ghostresume.events.ShareRemoved;
import app.ghostresume.events.ShareRestored;
import app.ghostresume.events.ShareWithdrawn;
import app.ghostresume.events.SupportOffered;
import app.ghostresume.events.SupportWithdrawn;
import app.ghostresume.query.board.BoardFold;
import app.ghostresume.query.board.BoardRow;
import app.ghostresume.query.board.CountedFact;
import app.ghostresume.query.challenge.ChallengeTable;
import app.ghostresume.query.challenge.ChallengeView;

/**
 * A challenge's history replayed: its own events (created, each join and leave), its members' events (their
 * attempts, folded by the live board's fold, and their profile) and the events on the shares made to its feed.
 * The table comes from {@link ChallengeTable}, as the page's does.
 */
public final class ChallengeHistory {

    /** As the feed: an anonymous challenge share is shown only among this many members. */
    static final int MEMBERS_TO_HIDE_AN_AUTHOR_AMONG = 3;

    /** What the report reads of its members' own histories: their profile and their shares. */
    static final List<EventType> MEMBER_EVENTS = List.of(EventType.SEEKER_REGISTERED, EventType.SEEKER_ERASED,
            EventType.REJECTION_SHARED);

    /**
     * What it reads of their attempts, only of those with a fact in the window: what moves a counted fact (the
     * board's fold passes over the events in between).
     */
    static final List<EventType> ATTEMPT_EVENTS = List.of(EventType.ATTEMPT_LOGGED, EventType.ATTEMPT_CORRECTED,
            EventType.REJECTION_RECEIVED, EventType.ACCEPTANCE_RECEIVED, EventType.ATTEMPT_GHOSTED,
            EventType.ATTEMPT_WITHDRAWN);

    private final ChallengeCreated created;
    private final Map<UUID, LocalDate> membersOnLastDay;

    private ChallengeHistory(ChallengeCreated created, Map<UUID, LocalDate> membersOnLastDay) {
        this.created = created;
        this.membersOnLastDay = membersOnLastDay;
    }

    /**
     * The challenge from its own events, if they hold its creation; with the members of its last day, each with
     * the day they joined: joins and leaves are taken in the order recorded, those dated after the end left out.
     */
    public static Optional<ChallengeHistory> of(UUID challengeId, List<EventEnvelope> challengeEvents) {
        ChallengeCreated created = null;
        Map<UUID, LocalDate> members = new LinkedHashMap<>();
        for (EventEnvelope event : challengeEvents) {
            if (event.payload() instanceof ChallengeCreated creation && creation.challengeId().equals(challengeId)) {
                created = creation;
            }
        }
        if (created == null) {
            return Optional.empty();
        }
        for (EventEnvelope event : challengeEvents) {
            if (event.payload() instanceof ChallengeJoined joined && !joined.joinedOn().isAfter(created.endsOn())) {
                members.put(joined.seekerId(), joined.joinedOn());
            }
            else if (event.payload() instanceof ChallengeLeft left && !left.leftOn().isAfter(created.endsOn())) {
                members.remove(left.seekerId());
            }
        }
        return Optional.of(new ChallengeHistory(created, members));
    }

    /** Everyone who ever joined, whose events the report replays. */
    static Set<UUID> joiners(List<EventEnvelope> challengeEvents) {
        Set<UUID> joiners = new LinkedHashSet<>();
        challengeEvents.forEach(event -> {
            if (event.payload() instanceof ChallengeJoined joined) {
                joiners.add(joined.seekerId());
            }
        });
        return joiners;
    }

    /** The shares made to this challenge's feed among the members' events. */
    Set<UUID> sharesIn(List<EventEnvelope> memberEvents) {
        Set<UUID> shares = new LinkedHashSet<>();
        memberEvents.forEach(event -> {
            if (event.payload() instanceof RejectionShared shared && shared.audience() == ShareAudience.CHALLENGE
                    && created.challengeId().equals(shared.challengeId())) {
                shares.add(shared.shareId());
            }
        });
        return shares;
    }

    /** The challenge as created. */
    public ChallengeCreated created() {
        return created;
    }

    /** The members on the window's last day, each with the day they joined. */
    public Map<UUID, LocalDate> membersOnLastDay() {
        return java.util.Collections.unmodifiableMap(membersOnLastDay);
    }

    /**
     * The report as known at {@code asOf}.
     *
     * @param memberEvents the events of everyone who ever joined: at least their profile and shares, and every
     *                     event of each attempt with a fact in the window, each aggregate's in order
     * @param shareEvents  every event on the challenge's shares, in the order recorded
     */
    ChallengeReport report(List<EventEnvelope> memberEvents, List<EventEnvelope> shareEvents, Instant asOf) {
        Map<UUID, List<EventEnvelope>> bySeeker = new HashMap<>();
        memberEvents.forEach(event -> bySeeker.computeIfAbsent(event.seekerId(), id -> new ArrayList<>()).add(event));
        Map<UUID, Profile> profiles = new HashMap<>();
        bySeeker.forEach((seekerId, events) -> profiles.put(seekerId, Profile.of(events)));
        List<ChallengeWeeks.Week> weeks = ChallengeWeeks.of(created.startsOn(), created.endsOn());
        ChallengeGoal goal = created.goal();
        List<ChallengeTable.MemberWeeks> members = new ArrayList<>();
        boolean ended = !membersOnLastDay.isEmpty() || LocalDate.ofInstant(asOf, ZoneOffset.UTC)
                .isAfter(created.endsOn());
        for (Map.Entry<UUID, LocalDate> member : membersOnLastDay.entrySet()) {
            Profile profile = profiles.getOrDefault(member.getKey(), Profile.UNKNOWN);
            LocalDate today = LocalDate.ofInstant(asOf, profile.timeZone());
            ended &= today.isAfter(created.endsOn());
            ChallengeTable.MemberWeeks counts = new ChallengeTable.MemberWeeks(profile.handle(),
                    profile.displayName(), member.getValue(), today, weeks.size());
            for (BoardRow row : BoardFold.replay(bySeeker.getOrDefault(member.getKey(), List.of())).values()) {
                for (CountedFact fact : row.countedFacts()) {
                    counts.add(goal, created.startsOn(), created.endsOn(), fact);
                }
            }
            members.add(counts);
        }
        ChallengeTable.Table table = ChallengeTable.of(goal, weeks, members);
        long attempts = 0;
        long rejections = 0;
        long acceptances = 0;
        long metGoal = 0;
        for (ChallengeView.Member member : table.members()) {
            attempts += member.totals().attempts();
            rejections += member.totals().rejections();
            acceptances += member.totals().acceptances();
            metGoal += ChallengeTable.metGoal(goal, weeks.size(), member) ? 1 : 0;
        }
        return new ChallengeReport(created.challengeId(), created.name(), created.startsOn(), created.endsOn(), goal,
                asOf, ended, weeks, table.members(), table.leaderboard(),
                new ChallengeReport.Group(table.members().size(), attempts, rejections, acceptances, metGoal),
                mostSupported(shareEvents, profiles, table.members().size()));
    }

    /** The feed's shares (active, not hidden, authors not erased) with the most support, most first. */
    private List<ChallengeReport.FeedShare> mostSupported(List<EventEnvelope> shareEvents,
            Map<UUID, Profile> profiles, int members) {
        Map<UUID, FeedState> shares = new LinkedHashMap<>();
        for (EventEnvelope event : shareEvents) {
            if (event.payload() instanceof RejectionShared shared
                    && created.challengeId().equals(shared.challengeId())) {
                shares.putIfAbsent(shared.shareId(), new FeedState(shared));
                continue;
            }
            FeedState share = event.payload() instanceof app.ghostresume.events.ShareEvent onShare
                    ? shares.get(onShare.shareId()) : null;
            if (share == null) {
                continue;
            }
            if (event.payload() instanceof ShareWithdrawn || event.payload() instanceof ShareRemoved) {
                share.active = false;
            }
            else if (event.payload() instanceof ShareHidden) {
                share.hidden = true;
            }
            else if (event.payload() instanceof ShareRestored) {
                share.hidden = false;
            }
            else if (event.payload() instanceof SupportOffered offered) {
                share.support.offered(offered.seekerId(), offered.kind());
            }
            else if (event.payload() instanceof SupportWithdrawn withdrawn) {
                share.support.withdrawn(withdrawn.seekerId(), withdrawn.kind());
            }
        }
        return shares.values().stream()
                .filter(share -> share.active && !share.hidden)
                .filter(share -> !profiles.getOrDefault(share.shared.seekerId(), Profile.UNKNOWN).erased())
                .filter(share -> !share.shared.anonymous() || members >= MEMBERS_TO_HIDE_AN_AUTHOR_AMONG)
                .sorted(Comparator.comparingLong((FeedState share) -> share.support.total()).reversed())
                .limit(ChallengeReport.MOST_SUPPORTED)
                .map(share -> share.view(profiles.getOrDefault(share.shared.seekerId(), Profile.UNKNOWN)))
                .toList();
    }

    private static LocalDate week(LocalDate day) {
        return day == null ? null : DateRange.isoWeekOf(day).start();
    }

    /** What the group sees of a member: handle and display name, or a former member once erased. */
    private record Profile(String handle, String displayName, ZoneId timeZone, boolean erased) {

        static final Profile UNKNOWN = new Profile(null, null, ZoneOffset.UTC, false);

        static Profile of(List<EventEnvelope> events) {
            Profile profile = UNKNOWN;
            for (EventEnvelope event : events) {
                if (event.payload() instanceof SeekerRegistered registered) {
                    profile = new Profile(registered.handle(), registered.displayName(),
                            registered.timeZone() == null ? ZoneOffset.UTC : registered.timeZone(), false);
                }
                else if (event.payload() instanceof SeekerErased) {
                    profile = new Profile(null, ChallengeTable.FORMER_MEMBER, profile.timeZone(), true);
                }
            }
            return profile;
        }
    }

    private static final class FeedState {

        private final RejectionShared shared;
        private final ShareSupport support = new ShareSupport();
        private boolean active = true;
        private boolean hidden;

        FeedState(RejectionShared shared) {
            this.shared = shared;
        }

        ChallengeReport.FeedShare view(Profile author) {
            boolean anonymous = shared.anonymous();
            return new ChallengeReport.FeedShare(shared.shareId(), shared.outcome(), shared.category(),
                    shared.stageReached(), shared.sting(), anonymous ? null : week(shared.decidedOn()),
                    anonymous ? null : week(shared.sharedOn()), shared.story(), anonymous,
                    anonymous ? null : author.handle(), anonymous ? null : author.displayName(), support.total(),
                    support.byKind());
        }
    }
}
