package app.ghostresume.command;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import app.ghostresume.command.platform.security.TokenIssuer;
import app.ghostresume.events.EventCodec;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.stack.TestInfrastructure;
import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.HttpApi.Answer;
import app.ghostresume.stack.testing.PrometheusScrape;
import app.ghostresume.stack.testing.TopicReader;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of the command service: a command's trace continues through the event store into the
 * Kafka record of each event it caused (a {@code publish} span whose context the record's headers carry on to the
 * projection), and {@code /actuator/prometheus}, for operators only on the service's own port, shows the pipeline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.tracing.sampling.probability=1.0",
                "management.opentelemetry.tracing.export.schedule-delay=100ms",
                "ghost.metrics.backlog-interval=PT0.2S" })
class TelemetryIntegrationTest {

    private static final String TOPIC = TestInfrastructure.get().newTopicName("telemetry");
    private static final UUID OPERATOR = UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        CommandServiceTests.connect(registry, "command_telemetry", () -> TOPIC);
        registry.add("ghost.security.operators", OPERATOR::toString);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Spans {

        @Bean
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    InMemorySpanExporter spans;

    private HttpApi api;

    @BeforeEach
    void setUp() {
        api = new HttpApi("http://localhost:" + port);
    }

    @Test
    void aCommandsTraceRunsThroughTheEventStoreIntoTheKafkaRecordOfItsEvent() {
        String token = signUp();
        String traceId = hex(16);
        String callerSpan = hex(8);
        Answer logged = api.post("/api/attempts", Map.of("category", "PITCH", "target", "The Paris Review",
                "title", "Essay", "sentOn", LocalDate.now().minusDays(2).toString()))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01").token(token).send();
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        String attemptId = logged.body().get("attemptId").asString();

        ConsumerRecord<String, byte[]> record = recordOf(attemptId);
        String traceparent = header(record, "traceparent");
        assertThat(traceparent).as("the record continues the command's trace").startsWith("00-" + traceId + "-")
                .endsWith("-01");
        String publishSpan = traceparent.split("-")[2];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .anySatisfy(span -> {
                    assertThat(span.getSpanId()).isEqualTo(publishSpan);
                    assertThat(span.getTraceId()).isEqualTo(traceId);
                    assertThat(span.getName()).isEqualTo("publish AttemptLogged");
                    assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
                }));
        List<SpanData> trace = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId)).toList();
        assertThat(trace).as("the HTTP request is part of the same trace, a child of the caller's span")
                .anySatisfy(span -> {
                    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
                    assertThat(span.getParentSpanId()).isEqualTo(callerSpan);
                });
        assertThat(record.timestamp()).as("the record is stamped with the time its event was stored")
                .isEqualTo(new EventCodec().decode(record.value()).map(EventEnvelope::occurredAt).orElseThrow()
                        .toEpochMilli());
    }

    @Test
    void prometheusShowsThePipelineToOperatorsOnly() {
        String token = signUp();
        Answer logged = api.post("/api/attempts", Map.of("category", "JOB", "target", "Acme", "title", "Engineer",
                "sentOn", LocalDate.now().minusDays(3).toString())).token(token).send();
        String attemptId = logged.body().get("attemptId").asString();
        assertThat(api.post("/api/attempts/" + attemptId + "/rejection", Map.of("receivedOn",
                LocalDate.now().minusDays(1).toString(), "sting", 2)).token(token).send().status()).isEqualTo(200);
        recordOf(attemptId);

        assertThat(api.get("/actuator/prometheus").send().status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus").token(token).send().status()).isEqualTo(403);
        assertThat(api.get("/livez").send().status()).isEqualTo(200);
        String operator = CommandServiceTests.operatorToken(jdbc, tokens, OPERATOR);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PrometheusScrape scrape = new PrometheusScrape(
                    api.get("/actuator/prometheus").token(operator).send().text());
            assertThat(scrape.sum("ghost_events_stored_total", "type=\"AttemptLogged\"")).isGreaterThanOrEqualTo(1);
            assertThat(scrape.sum("ghost_rejections_logged_total", "outcome=\"rejected\"")).isGreaterThanOrEqualTo(1);
            assertThat(scrape.sum("ghost_publisher_latency_seconds_count")).isGreaterThanOrEqualTo(3);
            assertThat(scrape.has("ghost_publisher_lag_events")).isTrue();
            assertThat(scrape.sum("ghost_publisher_lag_events")).isZero();
            assertThat(List.of("ghost_deadlines_due", "kafka_producer_record_send_total",
                    "http_server_requests_seconds_count", "hikaricp_connections_active", "jvm_memory_used_bytes"))
                    .allSatisfy(metric -> assertThat(scrape.has(metric)).as(metric).isTrue());
        });
    }

    private String signUp() {
        String handle = "tel-" + CommandServiceTests.suffix();
        assertThat(api.post("/api/accounts", Map.of("handle", handle, "password", "correct horse battery",
                "displayName", handle, "timeZone", "UTC")).send().status()).isEqualTo(201);
        return api.post("/api/sessions", Map.of("handle", handle, "password", "correct horse battery")).send()
                .body().get("accessToken").asString();
    }

    /** The first record of the attempt's first event. */
    private static ConsumerRecord<String, byte[]> recordOf(String attemptId) {
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(
                TestInfrastructure.get().bootstrapServers(), TOPIC,
                read -> read.stream().anyMatch(r -> isOf(r, attemptId)), Duration.ofSeconds(60));
        return records.stream().filter(r -> isOf(r, attemptId)).findFirst().orElseThrow();
    }

    private static boolean isOf(ConsumerRecord<String, byte[]> record, String attemptId) {
        return new EventCodec().decode(record.value()).map(event -> event.aggregateId().equals(attemptId)
                && event.aggregateSequence() == 0).orElse(false);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
