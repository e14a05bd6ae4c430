package app.ghostresume.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One PostgreSQL server and one Kafka broker per test JVM, in a throwaway folder, started on first use and
 * stopped when the JVM exits. Each test class asks for its own database and topic so classes stay
 * independent while paying the start-up cost once.
 */
public final class TestInfrastructure {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static TestInfrastructure instance;

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaBroker kafka;

    private TestInfrastructure(Path home) {
        // throwaway data: commits need not survive a machine crash, and tests run faster without flushing
        this.postgres = new EmbeddedPostgresServer(home.resolve("postgres"), FreePorts.next(), false).start();
        this.kafka = new EmbeddedKafkaBroker(home.resolve("kafka"), FreePorts.next(), FreePorts.next()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            postgres.stop();
            Folders.deleteQuietly(home);
        }, "test-infrastructure-shutdown"));
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            try {
                instance = new TestInfrastructure(Files.createTempDirectory("ghost-test-"));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return instance;
    }

    /** A new, empty database; returns its JDBC URL. */
    public String newDatabase(String prefix) {
        String name = prefix + "_" + COUNTER.incrementAndGet();
        postgres.ensureDatabase(name);
        return postgres.jdbcUrl(name);
    }

    /** A topic name no other test uses. */
    public String newTopicName(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet() + "-" + ProcessHandle.current().pid();
    }

    public String username() {
        return EmbeddedPostgresServer.USER;
    }

    public String password() {
        return EmbeddedPostgresServer.PASSWORD;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }
}
