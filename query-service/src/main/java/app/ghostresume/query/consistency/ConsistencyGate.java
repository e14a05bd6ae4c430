package app.ghostresume.query.consistency;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.events.ConsistencyToken;
import app.ghostresume.query.platform.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the caller's event named by a token is in {@code seeker_event}, which it is once every read model has
 * applied it (same transaction). A token {@code <aggregateId>.<n>} names the caller's own n-th event (from 0) on
 * that aggregate, counting theirs only: it is met once the journal holds n + 1 of the caller's events on it. On an
 * aggregate only its owner acts on (an attempt, a goal, the seeker), that is its version; on a share or a challenge,
 * which others act on too, it tells nothing of what they did (how many supported, reported, joined or left).
 */
@Component
class ConsistencyGate {

    private final JdbcClient jdbc;

    ConsistencyGate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isProjected(ConsistencyToken token, UUID seekerId) {
        return !projected(List.of(new Wanted(token, seekerId))).isEmpty();
    }

    /** Which of the wanted events are projected, with one statement however many there are. */
    Set<Wanted> projected(List<Wanted> wanted) {
        List<Wanted> found = jdbc.sql("""
                SELECT wanted.aggregate_id, wanted.sequence, wanted.seeker_id
                FROM unnest(CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS uuid[]))
                     AS wanted (aggregate_id, sequence, seeker_id)
                WHERE (SELECT count(*) FROM seeker_event
                       WHERE aggregate_id = wanted.aggregate_id AND seeker_id = wanted.seeker_id) > wanted.sequence
                """)
                .params(SqlArrays.column(wanted, w -> w.token().aggregateId()),
                        SqlArrays.column(wanted, w -> w.token().aggregateSequence()),
                        SqlArrays.column(wanted, Wanted::seekerId))
                .query((row, number) -> new Wanted(new ConsistencyToken(row.getString(1), row.getLong(2)),
                        UUID.fromString(row.getString(3))))
                .list();
        return new HashSet<>(found);
    }

    /** A seeker waiting to read their event. */
    record Wanted(ConsistencyToken token, UUID seekerId) {
    }
}
