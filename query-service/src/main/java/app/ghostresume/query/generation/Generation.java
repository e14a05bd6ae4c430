package app.ghostresume.query.generation;

import java.time.Instant;

/**
 * One generation of the read models, as {@code read_model_generation} records it.
 *
 * @param number    from 1, one more for each rebuild
 * @param schema    the PostgreSQL schema that holds its tables
 * @param reason    why it was made (the first, a rebuild an operator asked for, a rebuild at start-up)
 * @param switchWhenCaughtUp whether readers move to it as soon as it has caught up with the live one; if not, an
 *                  operator switches
 * @param liveSince when readers moved to it, if they did
 * @param endedAt   when it was retired or cancelled, if it was
 */
public record Generation(int number, String schema, State state, String reason, boolean switchWhenCaughtUp,
        Instant createdAt, Instant liveSince, Instant endedAt) {

    /** Where a generation is in its life. */
    public enum State {
        /** its schema is being migrated */
        PREPARING,
        /** its consumer group is filling it from the start of the topic, beside the live one */
        BUILDING,
        /** it consumes the topic and answers every read */
        LIVE,
        /** a newer one took its place; its schema is dropped after a grace period */
        RETIRED,
        /** its rebuild was cancelled; its schema is dropped after a grace period */
        CANCELLED
    }

    static String schemaOf(int number) {
        return "read_models_" + number;
    }

    /** Whether its consumer group is to run: it is live, or being built. */
    boolean consumes() {
        return state == State.LIVE || state == State.BUILDING;
    }

    boolean isBuilding() {
        return state == State.PREPARING || state == State.BUILDING;
    }

    boolean hasEnded() {
        return state == State.RETIRED || state == State.CANCELLED;
    }
}
