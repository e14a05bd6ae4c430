package app.ghostresume.query.consumption;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.events.EventEnvelope;

/** The log of applied events, which is what makes consumption idempotent. */
public interface EventJournal {

    /** Records the event; returns {@code false} when it was recorded before, i.e. it has already been applied. */
    boolean record(EventEnvelope event);

    /**
     * Records the events, in their order, in one go; returns the ids of those recorded now for the first time
     * (the others were applied before).
     */
    Set<UUID> recordAll(List<EventEnvelope> events);
}
