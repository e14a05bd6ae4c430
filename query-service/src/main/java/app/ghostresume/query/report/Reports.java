package app.ghostresume.query.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.events.ChallengeCreated;
import app.ghostresume.events.ChallengeJoined;
import app.ghostresume.events.ChallengeLeft;
import app.ghostresume.events.ChallengeVisibility;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.query.consumption.JournaledEvents;
import app.ghostresume.query.platform.StorableDates;
import org.springframework.stereotype.Component;

/**
 * Makes reports by replaying events from the journal ({@link JournaledEvents}) through the report folds
 * ({@link SeekerHistory}, {@link ChallengeHistory}); no read model is read. A seeker's report reads their own
 * events and the support others gave their shares; a challenge's reads its own events, the profiles and shares of
 * everyone who joined it and their attempts with a fact in its window, and the events on the shares made to its
 * feed.
 */
@Component
class Reports {

    private final JournaledEvents journal;
    private final Clock clock;

    Reports(JournaledEvents journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /** {@code asOf} as a report takes it: now when absent, and never later than now. */
    Instant asOf(Instant requested) {
        StorableDates.require(requested, "asOf");
        Instant now = clock.instant();
        return requested == null || requested.isAfter(now) ? now : requested;
    }

    /** The seeker's history replayed up to {@code asOf}. */
    SeekerHistory seeker(UUID seekerId, Instant asOf) {
        List<EventEnvelope> own = journal.ofSeeker(seekerId, asOf);
        Set<UUID> shares = SeekerHistory.sharesIn(own);
        List<EventEnvelope> onShares = journal.ofAggregates(shares.stream().map(UUID::toString).toList(), asOf);
        return SeekerHistory.replay(own, onShares);
    }

    /**
     * The challenge's report as known at {@code asOf}, for a reader who may see the challenge's page: anyone for a
     * PUBLIC challenge, its current members for an INVITE one. Empty for anyone else, as for an unknown challenge.
     * The shares of its feed are its current members' alone, as the feed is.
     */
    Optional<ChallengeReport> challenge(UUID challengeId, UUID reader, Instant asOf) {
        List<EventEnvelope> challengeEvents = journal.ofAggregates(List.of(challengeId.toString()), clock.instant());
        Access access = access(challengeEvents, reader);
        if (!access.page()) {
            return Optional.empty();
        }
        List<EventEnvelope> known = challengeEvents.stream().filter(event -> !event.occurredAt().isAfter(asOf))
                .toList();
        return ChallengeHistory.of(challengeId, known).map(history -> {
            Set<UUID> joiners = ChallengeHistory.joiners(known);
            List<EventEnvelope> memberEvents = new ArrayList<>(journal.ofSeekers(joiners, asOf,
                    ChallengeHistory.MEMBER_EVENTS));
            memberEvents.addAll(journal.ofAttemptsDatedWithin(joiners, history.created().startsOn(),
                    history.created().endsOn(), asOf, ChallengeHistory.ATTEMPT_EVENTS));
            List<EventEnvelope> shareEvents = access.feed() ? journal.ofAggregates(
                    history.sharesIn(memberEvents).stream().map(UUID::toString).toList(), asOf) : List.of();
            return history.report(memberEvents, shareEvents, asOf);
        });
    }

    /**
     * What the reader may see now, by the page's and the feed's own rules, from the challenge's events: the page
     * (anyone, for a PUBLIC challenge; else its current members), the feed (its current members).
     */
    private static Access access(List<EventEnvelope> challengeEvents, UUID reader) {
        ChallengeVisibility visibility = null;
        boolean member = false;
        for (EventEnvelope event : challengeEvents) {
            if (event.payload() instanceof ChallengeCreated created) {
                visibility = created.visibility();
            }
            else if (event.payload() instanceof ChallengeJoined joined && joined.seekerId().equals(reader)) {
                member = true;
            }
            else if (event.payload() instanceof ChallengeLeft left && left.seekerId().equals(reader)) {
                member = false;
            }
        }
        return new Access(visibility == ChallengeVisibility.PUBLIC || visibility != null && member,
                visibility != null && member);
    }

    private record Access(boolean page, boolean feed) {
    }
}
