package app.ghostresume.query.consumption;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts events this version cannot read yet, so an operator sees that an upgrade is due. */
@Component
class SkippedEvents {

    private final JdbcClient jdbc;

    SkippedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void count(String type, int version) {
        jdbc.sql("""
                INSERT INTO skipped_event (type, version, count, last_seen_at) VALUES (:type, :version, 1, now())
                ON CONFLICT (type, version)
                DO UPDATE SET count = skipped_event.count + 1, last_seen_at = excluded.last_seen_at
                """)
                .param("type", type)
                .param("version", version)
                .update();
    }
}
