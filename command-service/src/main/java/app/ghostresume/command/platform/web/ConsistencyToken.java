package app.ghostresume.command.platform.web;

import java.util.UUID;

/**
 * What a command response hands back so the caller can read its own write: the aggregate and its version
 * after the command, {@code <aggregateId>.<sequence>}. The query side waits until it has projected that
 * event when the token comes back in the {@code Consistency-Token} header.
 */
public final class ConsistencyToken {

    private ConsistencyToken() {
    }

    public static String of(UUID aggregateId, long sequence) {
        return aggregateId + "." + sequence;
    }
}
