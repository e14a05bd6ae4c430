package app.ghostresume.events;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a command response hands back so its caller can read its own write, and the query side waits for when it
 * comes back in the {@link #HEADER} header: an aggregate and the caller's event on it to wait for, written
 * {@code <aggregateId>.<sequence>}. The aggregate id may contain '-' but no '.', so the token splits at its last
 * '.'. The one definition of the format both services speak; in JSON it is that string.
 *
 * @param aggregateSequence on a seeker's own aggregate, the version after the command; on one many seekers share
 *                          (a challenge, a share), the caller's own n-th event on it, counted from 0
 */
public record ConsistencyToken(String aggregateId, long aggregateSequence) {

    public static final String HEADER = "Consistency-Token";

    public ConsistencyToken {
        Objects.requireNonNull(aggregateId, "aggregateId");
        if (aggregateId.isEmpty() || aggregateId.indexOf('.') >= 0 || aggregateSequence < 0) {
            throw new IllegalArgumentException("not a consistency token: " + aggregateId + "." + aggregateSequence);
        }
    }

    public static ConsistencyToken of(UUID aggregateId, long sequence) {
        return new ConsistencyToken(aggregateId.toString(), sequence);
    }

    /**
     * Reads a token as written by {@link #toString}.
     *
     * @throws IllegalArgumentException for anything that is not {@code <aggregateId>.<sequence>}
     */
    @JsonCreator
    public static ConsistencyToken parse(String token) {
        int dot = token.lastIndexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            throw malformed(token);
        }
        try {
            long sequence = Long.parseLong(token.substring(dot + 1));
            if (sequence < 0) {
                throw malformed(token);
            }
            return new ConsistencyToken(token.substring(0, dot), sequence);
        }
        catch (NumberFormatException ex) {
            throw malformed(token);
        }
    }

    /** {@code <aggregateId>.<sequence>}, as it travels. */
    @JsonValue
    @Override
    public String toString() {
        return aggregateId + "." + aggregateSequence;
    }

    private static IllegalArgumentException malformed(String token) {
        return new IllegalArgumentException(
                HEADER + " '" + token + "' is not of the form <aggregateId>.<sequence>.");
    }
}
