package app.ghostresume.query.generation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code read_model_generation} and the generations' schemas: every change of a generation's state is one
 * transaction, serialised with every other by an advisory lock, so two instances never both start a rebuild or
 * switch.
 */
final class GenerationStore {

    /** The read models' migrations, applied to each generation's schema. */
    static final String MIGRATIONS = "classpath:db/migration";
    private static final String CONTROL_MIGRATIONS = "classpath:db/control";
    private static final long LOCK = 0x6768_6f73_7467_656eL;
    private static final String COLUMNS = "generation, schema_name, state, reason, switch_when_caught_up, created_at, "
            + "live_since, ended_at";

    private final DataSource control;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    GenerationStore(DataSource control) {
        this.control = control;
        this.jdbc = JdbcClient.create(control);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(control));
    }

    /** Creates or updates the bookkeeping tables in {@code public}, beside whatever is there already. */
    void migrateBookkeeping() {
        Flyway.configure().dataSource(control).schemas("public").table("flyway_bookkeeping_history")
                .locations(CONTROL_MIGRATIONS).baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }

    /** Creates the generation's schema if it is missing and migrates it to this version's read models. */
    void migrate(Generation generation) {
        Flyway.configure().dataSource(control).schemas(generation.schema()).defaultSchema(generation.schema())
                .locations(MIGRATIONS).load().migrate();
    }

    /** Every generation whose schema has not been dropped, oldest first. */
    List<Generation> kept() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM read_model_generation WHERE dropped_at IS NULL ORDER BY generation")
                .query(GenerationStore::generation).list();
    }

    /** The ended generations whose schemas are kept still and were ended longer than {@code ago} ago. */
    List<Generation> endedBefore(Duration ago) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM read_model_generation WHERE dropped_at IS NULL "
                + "AND state IN ('RETIRED', 'CANCELLED') AND ended_at < now() - make_interval(secs => :seconds) "
                + "ORDER BY generation")
                .param("seconds", ago.toMillis() / 1000.0).query(GenerationStore::generation).list();
    }

    /** The latest generations, newest first. */
    List<Generation> latest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM read_model_generation ORDER BY generation DESC LIMIT :limit")
                .param("limit", limit).query(GenerationStore::generation).list();
    }

    /** Adds the first generation, live at once, unless another instance did first. */
    Generation first() {
        return transaction.execute(status -> {
            lock();
            return live().orElseGet(() -> insert(Generation.State.LIVE, "the first generation", true));
        });
    }

    /**
     * Adds a generation to be built beside the live one.
     *
     * @throws RebuildInProgress when one is being built already
     */
    Generation startBuilding(String reason, boolean switchWhenCaughtUp) {
        try {
            return transaction.execute(status -> {
                lock();
                building().ifPresent(running -> {
                    throw new RebuildInProgress(running);
                });
                return insert(Generation.State.PREPARING, reason, switchWhenCaughtUp);
            });
        }
        catch (DuplicateKeyException ex) {
            throw new RebuildInProgress(building().orElseThrow(() -> ex));
        }
    }

    void markBuilding(Generation generation) {
        jdbc.sql("UPDATE read_model_generation SET state = 'BUILDING' WHERE generation = :generation "
                + "AND state = 'PREPARING'").param("generation", generation.number()).update();
    }

    /** Cancels the generation being built, if there is one. */
    Optional<Generation> cancelBuilding() {
        return transaction.execute(status -> {
            lock();
            return jdbc.sql("UPDATE read_model_generation SET state = 'CANCELLED', ended_at = now() "
                    + "WHERE state IN ('PREPARING', 'BUILDING') RETURNING " + COLUMNS)
                    .query(GenerationStore::generation).optional();
        });
    }

    /**
     * Makes {@code building} the live generation in place of {@code live}, if it has reached it in every
     * partition. The live generation's offsets are locked first, so that its consumers (in every instance) cannot
     * move on while the comparison is made, and refuse every write from the commit on, so that they never move on:
     * the new generation is then at least where the old one stands for good, and whoever saw the old one, on any
     * instance, sees nothing less in the new. {@code reached} is asked again until it holds or
     * {@code wait} is over.
     *
     * @return whether the switch was made
     */
    boolean switchTo(Generation building, Generation live, BooleanSupplier reached, Duration wait) {
        Boolean switched = transaction.execute(status -> {
            lock();
            if (!state(building).equals(Optional.of(Generation.State.BUILDING))
                    || !state(live).equals(Optional.of(Generation.State.LIVE))) {
                return false;
            }
            jdbc.sql("SET LOCAL lock_timeout = '" + Math.max(1, wait.toMillis()) + "ms'").update();
            jdbc.sql("LOCK TABLE " + live.schema() + ".consumer_offset IN EXCLUSIVE MODE").update();
            long deadline = System.nanoTime() + wait.toNanos();
            while (!reached.getAsBoolean()) {
                if (System.nanoTime() - deadline >= 0) {
                    return false;
                }
                try {
                    Thread.sleep(10);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            // from the commit on, no batch of the old generation's consumers can commit (they store offsets last)
            jdbc.sql("CREATE TRIGGER retired BEFORE INSERT OR UPDATE OR DELETE ON " + live.schema()
                    + ".consumer_offset FOR EACH STATEMENT EXECUTE FUNCTION public.refuse_writes_to_a_retired_generation()")
                    .update();
            jdbc.sql("UPDATE read_model_generation SET state = 'RETIRED', ended_at = now() WHERE generation = :live")
                    .param("live", live.number()).update();
            jdbc.sql("UPDATE read_model_generation SET state = 'LIVE', live_since = now() WHERE generation = :building")
                    .param("building", building.number()).update();
            return true;
        });
        return Boolean.TRUE.equals(switched);
    }

    /** Where the generation's consumer group stands in each partition, read from the generation's own schema. */
    Map<TopicPartition, Long> offsets(Generation generation, String group, String topic) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        jdbc.sql("SELECT partition, next_offset FROM " + generation.schema() + ".consumer_offset "
                + "WHERE consumer_group = :group AND topic = :topic")
                .param("group", group).param("topic", topic)
                .query((row, number) -> offsets.put(new TopicPartition(topic, row.getInt(1)), row.getLong(2)))
                .list();
        return offsets;
    }

    /** Drops an ended generation's schema; its row stays, with the moment. */
    void drop(Generation generation) {
        if (!generation.hasEnded()) {
            throw new IllegalArgumentException("generation " + generation.number() + " is " + generation.state());
        }
        transaction.executeWithoutResult(status -> {
            lock();
            jdbc.sql("DROP SCHEMA IF EXISTS " + generation.schema() + " CASCADE").update();
            jdbc.sql("UPDATE read_model_generation SET dropped_at = now() WHERE generation = :generation")
                    .param("generation", generation.number()).update();
        });
    }

    private Optional<Generation> live() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM read_model_generation WHERE state = 'LIVE'")
                .query(GenerationStore::generation).optional();
    }

    private Optional<Generation> building() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM read_model_generation WHERE state IN ('PREPARING', 'BUILDING')")
                .query(GenerationStore::generation).optional();
    }

    private Optional<Generation.State> state(Generation generation) {
        return jdbc.sql("SELECT state FROM read_model_generation WHERE generation = :generation FOR UPDATE")
                .param("generation", generation.number())
                .query((row, number) -> Generation.State.valueOf(row.getString(1))).optional();
    }

    private Generation insert(Generation.State state, String reason, boolean switchWhenCaughtUp) {
        int number = jdbc.sql("SELECT coalesce(max(generation), 0) + 1 FROM read_model_generation")
                .query(Integer.class).single();
        return jdbc.sql("INSERT INTO read_model_generation (generation, schema_name, state, reason, "
                + "switch_when_caught_up, live_since) VALUES (:generation, :schema, :state, :reason, :switch, "
                + "CASE WHEN :state = 'LIVE' THEN now() END) RETURNING " + COLUMNS)
                .param("generation", number).param("schema", Generation.schemaOf(number))
                .param("state", state.name()).param("reason", reason).param("switch", switchWhenCaughtUp)
                .query(GenerationStore::generation).single();
    }

    /** Serialises every change of state with every other, across instances, until the transaction ends. */
    private void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", LOCK).query((row, number) -> 1).single();
    }

    private static Generation generation(ResultSet row, int number) throws SQLException {
        return new Generation(row.getInt("generation"), row.getString("schema_name"),
                Generation.State.valueOf(row.getString("state")), row.getString("reason"),
                row.getBoolean("switch_when_caught_up"), instant(row.getTimestamp("created_at")), instant(row.getTimestamp("live_since")),
                instant(row.getTimestamp("ended_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Asked to start a rebuild while one is running. */
    static final class RebuildInProgress extends RuntimeException {

        private final Generation running;

        RebuildInProgress(Generation running) {
            super("generation " + running.number() + " is being built already", null, false, false);
            this.running = running;
        }

        Generation running() {
            return running;
        }
    }
}
