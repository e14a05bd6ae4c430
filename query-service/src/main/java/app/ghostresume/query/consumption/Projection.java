package app.ghostresume.query.consumption;

import app.ghostresume.events.EventEnvelope;

/**
 * One read model's reaction to events. Called inside the batch's transaction, once per event (redeliveries are
 * filtered out before), in topic order within a seeker. Implementations ignore events they do not care about.
 */
public interface Projection {

    void apply(EventEnvelope event);
}
