package app.ghostresume.query.consumption;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On request ({@code REBUILD_READ_MODELS=true}), empties every table but Flyway's before consumption starts:
 * read models, the event journal, offsets, skipped and dead-letter records. The consumer then replays the topic
 * from its beginning and fills them again. New read models are covered without being listed here. The seekers'
 * keys are not a read model: were they kept in this database, they stay; nor are the community reports, which
 * the insights command computes on its own.
 */
@Component
class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final JdbcClient jdbc;
    private final boolean requested;
    private final String flywayTable;

    ReadModelRebuild(JdbcClient jdbc, ConsumptionSettings.ReadModels settings, FlywayProperties flyway) {
        this.jdbc = jdbc;
        this.requested = settings.rebuild();
        this.flywayTable = flyway.getTable();
    }

    void runIfRequested() {
        if (!requested) {
            return;
        }
        List<String> tables = jdbc.sql("""
                SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> :flyway
                  AND tablename NOT IN ('seeker_key', 'community_insight')
                ORDER BY tablename
                """)
                .param("flyway", flywayTable)
                .query(String.class)
                .list();
        if (!tables.isEmpty()) {
            jdbc.sql("TRUNCATE " + tables.stream().map(table -> '"' + table + '"').collect(Collectors.joining(", "))
                    + " RESTART IDENTITY").update();
        }
        log.info("Rebuilding read models: emptied {}; replaying the topic from the beginning", tables);
    }
}
