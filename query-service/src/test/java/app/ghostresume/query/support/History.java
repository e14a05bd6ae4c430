package app.ghostresume.query.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.Category;
import app.ghostresume.events.ChallengeEvent;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.GoalEvent;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.SeekerEvent;
import app.ghostresume.events.ShareEvent;

/**
 * Events as the journal or the topic gives them back, written in order: each in its aggregate's sequence, at a
 * given moment.
 */
public final class History {

    private final List<EventEnvelope> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();

    /** Records {@code event} at {@code at} (an ISO instant, or a date meaning its noon in UTC). */
    public History at(String at, SeekerEvent event) {
        Instant moment = at.length() == 10 ? LocalDate.parse(at).atTime(12, 0).toInstant(java.time.ZoneOffset.UTC)
                : Instant.parse(at);
        String aggregate = aggregateOf(event);
        long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
        events.add(EventEnvelope.wrap(UUID.randomUUID(), aggregate, sequence, moment, event));
        return this;
    }

    /** An attempt sent on {@code sentOn}, recorded that day; returns its id. */
    public UUID attempt(UUID seekerId, Category category, String target, String sentOn) {
        UUID attemptId = UUID.randomUUID();
        at(sentOn, new AttemptLogged(attemptId, seekerId, category, target, "Pitch to " + target, null,
                LocalDate.parse(sentOn), null));
        return attemptId;
    }

    /** A rejection received (and recorded) on {@code on}. */
    public History rejected(UUID seekerId, UUID attemptId, String on, Integer sting) {
        return at(on, new RejectionReceived(attemptId, seekerId, LocalDate.parse(on), null, null, sting));
    }

    public History accepted(UUID seekerId, UUID attemptId, String on) {
        return at(on, new AcceptanceReceived(attemptId, seekerId, LocalDate.parse(on), null));
    }

    /** Every event, in the order recorded. */
    public List<EventEnvelope> all() {
        return upTo(Instant.MAX);
    }

    /** The events recorded up to {@code asOf}, in order. */
    public List<EventEnvelope> upTo(Instant asOf) {
        return events.stream().filter(event -> !event.occurredAt().isAfter(asOf))
                .sorted(java.util.Comparator.comparing(EventEnvelope::occurredAt)).toList();
    }

    private static String aggregateOf(SeekerEvent event) {
        if (event instanceof app.ghostresume.events.AttemptEvent attempt) {
            return attempt.attemptId().toString();
        }
        if (event instanceof GoalEvent goal) {
            return goal.goalId().toString();
        }
        if (event instanceof ChallengeEvent challenge) {
            return challenge.challengeId().toString();
        }
        if (event instanceof ShareEvent share) {
            return share.shareId().toString();
        }
        return event.seekerId().toString();
    }
}
