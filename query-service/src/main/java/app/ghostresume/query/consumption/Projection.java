package app.ghostresume.query.consumption;

import java.util.List;

import app.ghostresume.events.EventEnvelope;

/**
 * One read model's reaction to events. Called inside the batch's transaction, with events never applied before
 * (redeliveries are filtered out first), in topic order within a seeker. Implementations ignore events they do
 * not care about. Each projection is given the whole batch in turn, in their {@code @Order}: one that reads
 * another's table must come after it (the seeker projection, whose time zones others read, comes first).
 */
public interface Projection {

    void apply(EventEnvelope event);

    /**
     * Applies a batch's events, in order. The default applies them one at a time; a read model that can fold a batch
     * into fewer statements does so here, with the same effect as applying them one at a time.
     */
    default void applyAll(List<EventEnvelope> events) {
        events.forEach(this::apply);
    }
}
