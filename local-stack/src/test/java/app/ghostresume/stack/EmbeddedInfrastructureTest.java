package app.ghostresume.stack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedInfrastructureTest {

    @TempDir
    Path home;

    @Test
    void postgresKeepsItsDataAcrossARestartFlushesEveryCommitAndIsSizedForMillionsOfEvents() throws Exception {
        EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(home.resolve("pg"), FreePorts.next(), true);
        postgres.start().ensureDatabase("keep");
        try (Connection db = connect(postgres)) {
            db.createStatement().execute("CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
            Map<String, String> expected = Map.of("fsync", "on", "synchronous_commit", "on",
                    "shared_buffers", "1GB", "max_wal_size", "4GB");
            for (Map.Entry<String, String> setting : expected.entrySet()) {
                try (ResultSet value = db.createStatement().executeQuery("SHOW " + setting.getKey())) {
                    assertThat(value.next()).isTrue();
                    assertThat(value.getString(1)).as(setting.getKey()).isEqualTo(setting.getValue());
                }
            }
        }
        postgres.stop();

        postgres.start().ensureDatabase("keep");
        try (Connection db = connect(postgres); ResultSet rows = db.createStatement().executeQuery("SELECT id FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
        finally {
            postgres.stop();
        }
    }

    @Test
    void kafkaKeepsTopicsAndRecordsAcrossARestart() throws Exception {
        EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(home.resolve("kafka"), FreePorts.next(), FreePorts.next());
        kafka.start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("kept", 2, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("kept", "k", "before restart")).get();
        }
        kafka.stop();

        kafka.start();
        try (KafkaConsumer<String, String> consumer = consumer(kafka)) {
            consumer.subscribe(List.of("kept"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 60 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records.records("kept")).extracting(r -> r.value()).containsExactly("before restart");
        }
        finally {
            kafka.stop();
        }
    }

    private static KafkaConsumer<String, String> consumer(EmbeddedKafkaBroker kafka) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static Connection connect(EmbeddedPostgresServer postgres) throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl("keep"), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }
}
