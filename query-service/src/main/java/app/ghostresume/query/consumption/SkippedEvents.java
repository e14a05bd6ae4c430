package app.ghostresume.query.consumption;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.ghostresume.query.platform.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts events this version cannot read yet, so an operator sees that an upgrade is due. A batch's skips are
 * counted with one statement, its rows taken in one order (type, then version): consumer threads that skip the
 * same kinds of events at once then wait for one another instead of deadlocking.
 */
@Component
class SkippedEvents {

    private static final Comparator<Kind> ORDER = Comparator.comparing(Kind::type).thenComparingInt(Kind::version);

    private final JdbcClient jdbc;

    SkippedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void countAll(Collection<Kind> skipped) {
        if (skipped.isEmpty()) {
            return;
        }
        Map<Kind, Long> counts = skipped.stream()
                .collect(Collectors.groupingBy(Function.identity(), () -> new TreeMap<>(ORDER), Collectors.counting()));
        List<Kind> kinds = List.copyOf(counts.keySet());
        jdbc.sql("""
                INSERT INTO skipped_event (type, version, count, last_seen_at)
                SELECT kind.type, kind.version, kind.count, now()
                FROM unnest(CAST(? AS text[]), CAST(? AS int[]), CAST(? AS bigint[])) WITH ORDINALITY
                     AS kind (type, version, count, position)
                ORDER BY kind.position
                ON CONFLICT (type, version)
                DO UPDATE SET count = skipped_event.count + excluded.count, last_seen_at = excluded.last_seen_at
                """)
                .params(SqlArrays.column(kinds, Kind::type), SqlArrays.column(kinds, Kind::version),
                        SqlArrays.column(kinds, counts::get))
                .update();
    }

    /** An event's type and version as written, {@code ?} and 0 when unreadable. */
    record Kind(String type, int version) {
    }
}
