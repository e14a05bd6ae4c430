package app.ghostresume.query.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.SeekerEvent;
import app.ghostresume.query.QueryServiceApplication;
import app.ghostresume.stack.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * The whole service on a random port, against the JVM's real PostgreSQL and Kafka: each test class gets its own
 * database, topic and consumer group (the context is closed after the class), a fixed clock and test JWTs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = { QueryServiceApplication.class, FixedClock.class })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class QueryServiceIntegrationTest {

    private static EventStream events;

    @LocalServerPort
    private int port;

    @Value("${ghost.kafka.topic.name}")
    private String topic;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceProperties.forFreshDatabaseAndTopic().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void closeEventStream() {
        if (events != null) {
            events.close();
            events = null;
        }
    }

    /** Publishes to this class's topic. */
    protected EventStream events() {
        if (events == null) {
            events = new EventStream(topic);
        }
        return events;
    }

    protected Api api() {
        return new Api(port);
    }

    protected TestTokens tokens() {
        return TestTokens.get();
    }

    protected TestInfrastructure infrastructure() {
        return TestInfrastructure.get();
    }

    protected long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Waits, up to 30 seconds, until the read models have caught up. */
    protected static void eventually(Supplier<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(condition::get);
    }

    /** Publishes an event that happened at {@code at} (an ISO instant). */
    protected EventEnvelope publishAt(SeekerEvent event, String at) {
        return events().publish(event, Instant.parse(at));
    }

    /** Waits until every one of the events is in the journal, i.e. applied. */
    protected void awaitAll(List<EventEnvelope> envelopes) {
        eventually(() -> envelopes.stream().allMatch(envelope -> count(
                "SELECT count(*) FROM seeker_event WHERE event_id = '" + envelope.eventId() + "'") == 1));
    }
}
