package app.ghostresume.query.consumption;

import app.ghostresume.events.EventEnvelope;

/** The log of applied events, which is what makes consumption idempotent. */
public interface EventJournal {

    /** Records the event; returns {@code false} when it was recorded before, i.e. it has already been applied. */
    boolean record(EventEnvelope event);
}
