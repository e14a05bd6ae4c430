package app.ghostresume.query.consumption;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.Category;
import app.ghostresume.events.ChallengeCreated;
import app.ghostresume.events.ChallengeGoal;
import app.ghostresume.events.ChallengeJoined;
import app.ghostresume.events.ChallengeVisibility;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.events.GoalPeriod;
import app.ghostresume.events.GoalSet;
import app.ghostresume.events.PauseScheduled;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.query.QueryServiceApplication;
import app.ghostresume.query.support.Api;
import app.ghostresume.query.support.EventStream;
import app.ghostresume.query.support.FixedClock;
import app.ghostresume.query.support.ServiceProperties;
import app.ghostresume.query.support.TestTokens;
import app.ghostresume.stack.TestInfrastructure;
import app.ghostresume.stack.testing.LiveReadModels;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Every event counts exactly once, whatever Kafka redelivers: a duplicate publication, a service stopped
 * mid-stream and started again on the same database, a batch read again, a full rebuild from the topic (a new
 * generation of every read model, built beside the live one: board, goals, pauses, challenges), and a rebuild
 * stopped part of the way and resumed. Runs real service instances one after the other,
 * reading five records per batch.
 */
class ExactlyOnceConsumptionTest {

    private static final int SEEKERS = 6;
    private static final int ATTEMPTS_PER_SEEKER = 50;
    /** A goal, a pause and joining the challenge. */
    private static final int EXTRAS_PER_SEEKER = 3;
    /** Every seeker's events, and the challenge's creation. */
    private static final int EVENTS = SEEKERS * (1 + ATTEMPTS_PER_SEEKER + EXTRAS_PER_SEEKER) + 1;
    private static final UUID CHALLENGE = UUID.randomUUID();

    private final TestInfrastructure infrastructure = TestInfrastructure.get();
    private final String database = infrastructure.newDatabase("query");
    private final String topic = infrastructure.newTopicName("seeker-events");
    /** Each statement on a new connection, which reads the generation live at that moment. */
    private final JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database,
            infrastructure.username(), infrastructure.password()) {
        @Override
        protected Connection getConnectionFromDriverManager(String url, Properties properties) throws SQLException {
            return LiveReadModels.connect(url, properties.getProperty("user"), properties.getProperty("password"));
        }
    });

    @Test
    void eachEventIsAppliedOnceAcrossDuplicatesRestartsRedeliveriesAndARebuild() throws Exception {
        List<UUID> seekers = new ArrayList<>();
        List<EventEnvelope> envelopes = new ArrayList<>();
        try (EventStream events = new EventStream(topic)) {
            for (int s = 0; s < SEEKERS; s++) {
                UUID seeker = UUID.randomUUID();
                seekers.add(seeker);
                envelopes.add(events.envelope(new SeekerRegistered(seeker, "s" + s, null, ZoneId.of("UTC")),
                        Instant.now()));
                for (int a = 0; a < ATTEMPTS_PER_SEEKER; a++) {
                    envelopes.add(events.envelope(new AttemptLogged(UUID.randomUUID(), seeker, Category.JOB, "T" + a,
                            null, null, LocalDate.parse("2026-03-01"), null), Instant.now()));
                }
                envelopes.add(events.envelope(new GoalSet(UUID.randomUUID(), seeker, GoalMetric.ATTEMPTS, null, 10,
                        GoalPeriod.WEEK, LocalDate.parse("2026-03-02"), null), Instant.now()));
                envelopes.add(events.envelope(new PauseScheduled(UUID.randomUUID(), seeker,
                        LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-15"), "break"), Instant.now()));
            }
            envelopes.add(events.envelope(new ChallengeCreated(CHALLENGE, seekers.get(0), "March", null,
                    LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"), new ChallengeGoal(
                            GoalMetric.ATTEMPTS, null, 50, ChallengeGoal.Per.TOTAL), ChallengeVisibility.PUBLIC, null,
                            LocalDate.parse("2026-03-01")),
                    Instant.now()));
            for (UUID seeker : seekers) {
                envelopes.add(events.envelope(new ChallengeJoined(CHALLENGE, seeker, LocalDate.parse("2026-03-02")),
                        Instant.now()));
            }
            EventEnvelope duplicated = envelopes.get(7);
            envelopes.add(20, duplicated);

            ConfigurableApplicationContext first = start(false);
            events.publish(envelopes);
            eventually(() -> appliedEvents() >= 30);
            first.close();
            long appliedBeforeStop = appliedEvents();
            assertThat(appliedBeforeStop).as("stopped mid-stream").isLessThan(EVENTS);

            // as if the last batches had been applied but their offsets lost: Kafka hands them out again
            jdbc.sql("UPDATE consumer_offset SET next_offset = greatest(0, next_offset - 7)").update();

            ConfigurableApplicationContext second = start(false);
            eventually(() -> appliedEvents() == EVENTS && storedOffsets().equals(endOffsets()));
            // once the group has settled (a member that has just joined holds nothing until the rebalance ends)
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(partitionsByMember())
                    .as("the instance's two consumer threads share the three partitions")
                    .hasSize(2)
                    .allSatisfy((member, partitions) -> assertThat(partitions).isNotEmpty())
                    .satisfies(members -> assertThat(members.values().stream().flatMap(List::stream))
                            .containsExactlyInAnyOrder(0, 1, 2)));
            assertThat(second.getBean(MeterRegistry.class).counter("query.events.duplicates").count()).isPositive();
            assertCountedOnce(seekers, second);
            second.close();

            // rows no event justifies, to show that a rebuild starts from empty tables (the new generation's)
            jdbc.sql("""
                    INSERT INTO attempt_board (attempt_id, seeker_id, category, status, sent_on, logged_at,
                            last_sequence)
                    VALUES (gen_random_uuid(), gen_random_uuid(), 'JOB', 'WAITING', current_date, now(), 1)
                    """).update();
            jdbc.sql("""
                    INSERT INTO goal (goal_id, seeker_id, metric, target, period, starts_on, set_at)
                    VALUES (gen_random_uuid(), gen_random_uuid(), 'ATTEMPTS', 1, 'WEEK', current_date, now())
                    """).update();
            jdbc.sql("INSERT INTO challenge_member (challenge_id, seeker_id, joined_on) VALUES (:c, gen_random_uuid(), "
                    + "current_date)").param("c", CHALLENGE).update();
            ConfigurableApplicationContext third = start(true);
            eventually(() -> liveGeneration() == 2 && appliedEvents() == EVENTS
                    && storedOffsets().equals(endOffsets()));
            assertThat(third.getBean(MeterRegistry.class).counter("query.events.applied").count()).isEqualTo(EVENTS);
            assertCountedOnce(seekers, third);
            assertThatThrownBy(() -> jdbc.sql("UPDATE read_models_1.consumer_offset SET next_offset = next_offset")
                    .update()).as("the retired generation takes no more batches")
                    .hasMessageContaining("retired generation");
            third.close();

            // a rebuild stopped part of the way resumes from its own offsets when the service starts again (held for
            // an operator's switch, so that it is still being built when the service starts again)
            ConfigurableApplicationContext fourth = start(false, 1);
            String operator = TestTokens.get().operatorTokenFor(UUID.randomUUID());
            Api.Response held = api(fourth).send("POST", "/api/operator/read-models/rebuild?switch=manual", operator);
            assertThat(held.status()).as(held.toString()).isEqualTo(202);
            eventually(() -> journaledBy(3) >= 20);
            fourth.close();
            long resumedFrom = journaledBy(3);
            ConfigurableApplicationContext fifth = start(false);
            eventually(() -> journaledBy(3) == EVENTS);
            MeterRegistry meters = fifth.getBean(MeterRegistry.class);
            assertThat(meters.counter("query.events.applied").count())
                    .as("events applied after the restart: the rest").isEqualTo(EVENTS - resumedFrom);
            // read again from the start, the 20 or more applied before would all come back as duplicates; only the
            // record published twice may, if the stopped rebuild had not reached it
            assertThat(meters.counter("query.events.duplicates").count()).as("records read again")
                    .isLessThanOrEqualTo(1);
            assertThat(api(fifth).send("POST", "/api/operator/read-models/rebuild/switch", operator).status())
                    .isEqualTo(200);
            assertThat(liveGeneration()).isEqualTo(3);
            eventually(() -> storedOffsets().equals(endOffsets()));
            assertCountedOnce(seekers, fifth);
            fifth.close();
        }
    }

    private void assertCountedOnce(List<UUID> seekers, ConfigurableApplicationContext context) {
        assertThat(count("SELECT count(*) FROM seeker_event")).isEqualTo(EVENTS);
        assertThat(count("SELECT count(*) FROM seeker")).isEqualTo(SEEKERS);
        assertThat(count("SELECT count(*) FROM attempt_board")).isEqualTo((long) SEEKERS * ATTEMPTS_PER_SEEKER);
        assertThat(count("SELECT count(*) FROM goal")).isEqualTo(SEEKERS);
        assertThat(count("SELECT count(*) FROM pause")).isEqualTo(SEEKERS);
        assertThat(count("SELECT count(*) FROM challenge")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM challenge_member")).isEqualTo(SEEKERS);
        assertThat(count("SELECT count(*) FROM dead_letter")).isZero();
        long storedTotal = storedOffsets().values().stream().mapToLong(Long::longValue).sum();
        assertThat(storedTotal).as("records on the topic, the duplicate included").isEqualTo(EVENTS + 1);
        Api api = api(context);
        for (UUID seeker : seekers) {
            String token = TestTokens.get().tokenFor(seeker);
            Api.Response stats = api.get("/api/me/stats", token);
            assertThat(stats.body().get("attempts").asLong()).isEqualTo(ATTEMPTS_PER_SEEKER);
            assertThat(api.get("/api/me/goals", token).body().get("goals")).hasSize(1);
            assertThat(api.get("/api/me/pauses", token).body().get("pauses")).hasSize(1);
        }
        Api.Response challenge = api.get("/api/challenges/" + CHALLENGE, TestTokens.get().tokenFor(seekers.get(0)));
        assertThat(challenge.body().get("memberCount").asInt()).isEqualTo(SEEKERS);
        challenge.body().get("members").forEach(member -> assertThat(member.get("totals").get("attempts").asLong())
                .isEqualTo(ATTEMPTS_PER_SEEKER));
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    private ConfigurableApplicationContext start(boolean rebuild) {
        return start(rebuild, 5);
    }

    private ConfigurableApplicationContext start(boolean rebuild, int recordsPerBatch) {
        Map<String, String> properties = new HashMap<>(ServiceProperties.forDatabaseAndTopic(database, topic));
        properties.put("server.port", "0");
        properties.put("ghost.kafka.max-poll-records", String.valueOf(recordsPerBatch));
        properties.put("REBUILD_READ_MODELS", String.valueOf(rebuild));
        String[] arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(QueryServiceApplication.class, FixedClock.class).run(arguments);
    }

    private int liveGeneration() {
        return jdbc.sql("SELECT generation FROM read_model_generation WHERE state = 'LIVE'").query(Integer.class)
                .single();
    }

    /** Events in a generation's own journal, 0 before its schema exists. */
    private long journaledBy(int generation) {
        try {
            return count("SELECT count(*) FROM read_models_" + generation + ".seeker_event");
        }
        catch (DataAccessException notYet) {
            return 0;
        }
    }

    private long appliedEvents() {
        return count("SELECT count(*) FROM seeker_event");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private Map<TopicPartition, Long> storedOffsets() {
        return jdbc.sql("SELECT partition, next_offset FROM consumer_offset WHERE topic = :topic")
                .param("topic", topic)
                .query((rs, row) -> Map.entry(new TopicPartition(topic, rs.getInt(1)), rs.getLong(2)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Each member of the service's consumer group, by client id, with the partitions assigned to it. */
    private Map<String, List<Integer>> partitionsByMember() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", infrastructure.bootstrapServers()))) {
            String group = "query-" + topic + ".g1";
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                    .collect(Collectors.toMap(MemberDescription::clientId, member -> member.assignment()
                            .topicPartitions().stream().map(TopicPartition::partition).toList()));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The offset after the last record of each partition holding any. */
    private Map<TopicPartition, Long> endOffsets() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", infrastructure.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            for (int p = 0; p < 3; p++) {
                partitions.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(partitions).all().get().entrySet().stream()
                    .filter(entry -> entry.getValue().offset() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void eventually(Supplier<Boolean> condition) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(condition::get);
    }
}
