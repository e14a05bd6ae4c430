package app.ghostresume.command;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.AttemptGhosted;
import app.ghostresume.events.EventCodec;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.stack.TestInfrastructure;
import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.HttpApi.Answer;
import app.ghostresume.stack.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Automatic ghosting is a deadline kept in PostgreSQL: it fires after the command service restarted, and only for
 * the attempt nobody answered. Two application contexts run one after the other on the same database, on a clock
 * the test moves past the 14-day DATING window.
 */
class AutomaticGhostingAfterRestartTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Lisbon");
    private static final MutableClock CLOCK = new MutableClock();

    private final TestInfrastructure infra = TestInfrastructure.get();
    private final String database = infra.newDatabase("ghosting_restart");
    private final String topic = infra.newTopicName("ghosting-restart");

    @Test
    void ghostingFiresAfterARestartAndNotWhenAnOutcomeCameFirst() {
        CLOCK.reset();
        LocalDate sentOn = LocalDate.now(CLOCK.withZone(ZONE));
        String waiting;
        String answered;
        try (ConfigurableApplicationContext first = start()) {
            HttpApi api = api(first);
            String token = signUp(api);
            waiting = log(api, token);
            answered = log(api, token);
            assertThat(api.post("/api/attempts/" + answered + "/rejection", Map.of()).token(token).send().status())
                    .isEqualTo(200);
            assertThat(jdbc(first).sql("SELECT count(*) FROM scheduled_tasks").query(Long.class).single())
                    .as("each attempt's next deadline, its follow-up, kept in PostgreSQL (the answered one's "
                            + "comes to nothing)")
                    .isEqualTo(2);
        }

        LocalDate firstDayGhosted = sentOn.plusDays(15);
        CLOCK.set(firstDayGhosted.atStartOfDay(ZONE).toInstant().plusSeconds(1));
        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = jdbc(second);
            awaitEvents(jdbc, "AttemptGhosted", 1);

            List<String> ghosted = jdbc.sql("""
                    SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type LIKE '%.AttemptGhosted'
                    """).query(String.class).list();
            assertThat(ghosted).containsExactly(waiting);
            String payload = jdbc.sql("""
                    SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                    WHERE payload_type LIKE '%.AttemptGhosted'
                    """).query(String.class).single();
            assertThat(payload).contains("\"automatic\":true", "\"declaredOn\":[" + firstDayGhosted.getYear() + ","
                    + firstDayGhosted.getMonthValue() + "," + firstDayGhosted.getDayOfMonth() + "]");
            // the due deadlines run on the scheduler's threads side by side: the ghosting, which the waiting
            // attempt's follow-up scheduled, may be recorded before the answered one's follow-up is done
            assertThat(awaitNoTasks(jdbc)).as("both follow-ups and the ghosting the waiting one's scheduled ran; "
                    + "only the waiting attempt's recorded anything").isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.AttemptGhosted'")
                    .query(Long.class).single()).as("still one ghosting once every deadline ran").isEqualTo(1);

            List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(infra.bootstrapServers(), topic,
                    read -> ghostedOnTopic(read).size() == 1, Duration.ofSeconds(30));
            List<AttemptGhosted> published = ghostedOnTopic(records);
            assertThat(published).hasSize(1);
            assertThat(published.get(0).attemptId()).hasToString(waiting);
            assertThat(published.get(0).automatic()).isTrue();
            assertThat(published.get(0).declaredOn()).isEqualTo(firstDayGhosted);
            assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :a")
                    .param("a", answered).query(Long.class).single()).as("logged, deadlines set, rejected")
                    .isEqualTo(3);
        }
    }

    /** The command service as {@code main} starts it, with arguments in place of the environment. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CommandApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("testClock",
                        MutableClock.class, () -> CLOCK, definition -> definition.setPrimary(true)))
                .run("--server.port=0",
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + infra.username(),
                        "--spring.datasource.password=" + infra.password(),
                        "--spring.datasource.hikari.maximum-pool-size=5",
                        "--ghost.kafka.bootstrap-servers=" + infra.bootstrapServers(),
                        "--ghost.kafka.topic.name=" + topic,
                        "--ghost.deadlines.polling-interval=PT0.5S");
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        return new HttpApi("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class);
    }

    private static String signUp(HttpApi api) {
        String handle = "sam-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/accounts", Map.of("handle", handle, "password", "long enough password",
                "displayName", "Sam", "timeZone", ZONE.getId())).send().status()).isEqualTo(201);
        return api.post("/api/sessions", Map.of("handle", handle, "password", "long enough password")).send()
                .body().get("accessToken").asString();
    }

    private static String log(HttpApi api, String token) {
        Answer answer = api.post("/api/attempts", Map.of("category", "DATING", "target", "Sam", "title", "Coffee?"))
                .token(token).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.body().get("attemptId").asString();
    }

    /** The scheduled tasks left once none is left, or after 20 s. */
    private static long awaitNoTasks(JdbcClient jdbc) {
        Instant deadline = Instant.now().plusSeconds(20);
        long left = jdbc.sql("SELECT count(*) FROM scheduled_tasks").query(Long.class).single();
        while (left > 0 && Instant.now().isBefore(deadline)) {
            sleep();
            left = jdbc.sql("SELECT count(*) FROM scheduled_tasks").query(Long.class).single();
        }
        return left;
    }

    private static void awaitEvents(JdbcClient jdbc, String type, long count) {
        Instant deadline = Instant.now().plusSeconds(20);
        long seen = 0;
        while (Instant.now().isBefore(deadline)) {
            seen = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE :t")
                    .param("t", "%." + type).query(Long.class).single();
            if (seen >= count) {
                return;
            }
            sleep();
        }
        assertThat(seen).as(type + " events").isEqualTo(count);
    }

    private static List<AttemptGhosted> ghostedOnTopic(List<ConsumerRecord<String, byte[]>> records) {
        EventCodec codec = new EventCodec();
        return records.stream()
                .map(record -> codec.decode(record.value()).orElseThrow())
                .map(EventEnvelope::payload)
                .filter(AttemptGhosted.class::isInstance)
                .map(AttemptGhosted.class::cast)
                .distinct()
                .toList();
    }

    /**
     * Lets 100 ms pass, on the service's clock too: the scheduler waits between polls by that clock, so the
     * ghosting a follow-up schedules as it fires is only looked for once the clock moves on.
     */
    private static void sleep() {
        try {
            Thread.sleep(100);
            CLOCK.advance(Duration.ofMillis(100));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
