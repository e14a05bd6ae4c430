package app.ghostresume.query.consistency;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.query.consumption.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the caller's event named by a token is in {@code seeker_event}, which it is once every read model has
 * applied it (same transaction). Only the caller's own events count: a token names no one else's.
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
                WHERE EXISTS (SELECT 1 FROM seeker_event
                              WHERE aggregate_id = wanted.aggregate_id AND aggregate_sequence >= wanted.sequence
                                AND seeker_id = wanted.seeker_id)
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
