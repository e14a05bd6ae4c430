package app.ghostresume.query.generation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The data source every read and every projection goes through. Each generation of the read models has a pool of
 * its own, whose connections have that generation's schema (then {@code public}) as their search path: the same SQL
 * reads or writes the tables of whichever generation the connection belongs to, and a connection never changes
 * generation. A thread uses the generation it is pinned to ({@link #pinnedTo}): a consumer thread the one it fills,
 * for its whole life; a request the one that was live when it came in, for every statement it makes, so no
 * request sees two generations. Anything else uses the live generation. A small pool of its own, on
 * {@code public}, serves the generations' bookkeeping ({@link #control()}).
 */
public final class ReadModelDataSource extends AbstractDataSource implements AutoCloseable {

    private static final ThreadLocal<Generation> PINNED = new ThreadLocal<>();

    private final HikariConfig template;
    private final MetricsTrackerFactory metrics;
    private final HikariDataSource control;
    private final Map<Integer, HikariDataSource> pools = new ConcurrentHashMap<>();
    private volatile Generation live;

    ReadModelDataSource(HikariConfig template, MeterRegistry meters) {
        this.template = template;
        this.metrics = new MicrometerMetricsTrackerFactory(meters);
        this.control = new HikariDataSource(config("read-models-control", "public", 3, 1));
    }

    /** Pins the calling thread to {@code generation} until the pin is closed, when it is as it was before. */
    public static Pin pin(Generation generation) {
        Generation before = PINNED.get();
        PINNED.set(generation);
        return () -> {
            if (before == null) {
                PINNED.remove();
            }
            else {
                PINNED.set(before);
            }
        };
    }

    /** Runs {@code work} with the calling thread pinned to {@code generation}. */
    public static <T> T pinnedTo(Generation generation, Supplier<T> work) {
        try (Pin pinned = pin(generation)) {
            return work.get();
        }
    }

    /** {@code work}, to be run pinned to {@code generation} on whatever thread runs it. */
    public static Runnable pinnedTo(Generation generation, Runnable work) {
        return () -> pinnedTo(generation, () -> {
            work.run();
            return null;
        });
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool(current()).getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the read models' connections all use the configured account");
    }

    /** The generation the calling thread reads: the one it is pinned to, else the live one. */
    public Generation current() {
        Generation pinned = PINNED.get();
        if (pinned != null) {
            return pinned;
        }
        return live();
    }

    /** The live generation, as this instance last saw it. */
    public Generation live() {
        Generation known = live;
        if (known == null) {
            throw new IllegalStateException("no generation of the read models is live yet");
        }
        return known;
    }

    /** Whether {@code generation}'s tables can still be read here: its pool has not been closed. */
    public boolean isOpen(Generation generation) {
        return pools.containsKey(generation.number());
    }

    DataSource control() {
        return control;
    }

    /** Moves readers that are not pinned to {@code generation}; its pool keeps as many idle connections as reads need. */
    void live(Generation generation) {
        HikariDataSource pool = pool(generation);
        if (live == null || live.number() != generation.number()) {
            pool.getHikariConfigMXBean().setMinimumIdle(minimumIdle());
        }
        live = generation;
    }

    /** Opens the generation's pool if it is not open yet (a generation being built keeps one idle connection). */
    void open(Generation generation) {
        pool(generation);
    }

    /** Closes the generation's pool, once nothing reads it any more. */
    void close(int generation) {
        HikariDataSource pool = pools.remove(generation);
        if (pool != null) {
            pool.close();
        }
    }

    List<Integer> openGenerations() {
        return List.copyOf(pools.keySet());
    }

    private HikariDataSource pool(Generation generation) {
        return pools.computeIfAbsent(generation.number(), number -> new HikariDataSource(config(
                "read-models-" + number, generation.schema() + ",public", maximumPoolSize(),
                generation.state() == Generation.State.LIVE ? minimumIdle() : 1)));
    }

    private int maximumPoolSize() {
        return template.getMaximumPoolSize() > 0 ? template.getMaximumPoolSize() : 10;
    }

    private int minimumIdle() {
        return template.getMinimumIdle() >= 0 ? Math.min(template.getMinimumIdle(), maximumPoolSize())
                : maximumPoolSize();
    }

    private HikariConfig config(String name, String searchPath, int maximumPoolSize, int minimumIdle) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(template.getJdbcUrl());
        config.setUsername(template.getUsername());
        config.setPassword(template.getPassword());
        if (template.getDriverClassName() != null) {
            config.setDriverClassName(template.getDriverClassName());
        }
        config.setConnectionTimeout(template.getConnectionTimeout());
        config.setValidationTimeout(template.getValidationTimeout());
        config.setIdleTimeout(template.getIdleTimeout());
        config.setMaxLifetime(template.getMaxLifetime());
        config.setKeepaliveTime(template.getKeepaliveTime());
        Properties properties = new Properties();
        properties.putAll(template.getDataSourceProperties());
        // several schemas, comma-separated, become the connection's search path
        properties.setProperty("currentSchema", searchPath);
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(maximumPoolSize);
        config.setMinimumIdle(minimumIdle);
        config.setMetricsTrackerFactory(metrics);
        return config;
    }

    /** A thread's pin to a generation. */
    public interface Pin extends AutoCloseable {

        @Override
        void close();
    }

    @Override
    public void close() {
        pools.keySet().forEach(this::close);
        control.close();
    }
}
