package app.ghostresume.query.consumption;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.Category;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import app.ghostresume.stack.testing.PrometheusScrape;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of consumption: a record's trace (its {@code traceparent}, put there by the command service)
 * gains the {@code project} span of the batch that applied its event, and {@code /actuator/prometheus}, for
 * operators only on the service's own port, shows lag, batches and freshness.
 */
@TestPropertySource(properties = "management.opentelemetry.tracing.export.schedule-delay=100ms")
@Import(ConsumptionTelemetryTest.Spans.class)
class ConsumptionTelemetryTest extends QueryServiceIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Spans {

        @Bean
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @Autowired
    private InMemorySpanExporter spans;

    @Test
    void theBatchThatAppliesARecordJoinsTheTraceTheRecordCarries() {
        UUID seeker = UUID.randomUUID();
        String traceId = hex(16);
        String publishSpan = hex(8);
        EventEnvelope registered = events().envelope(new SeekerRegistered(seeker, "traced" + hex(3), "Traced",
                ZoneId.of("UTC")), Instant.now());
        events().publishTraced(registered, "00-" + traceId + "-" + publishSpan + "-01");
        String unsampledTrace = hex(16);
        EventEnvelope logged = events().envelope(new AttemptLogged(UUID.randomUUID(), seeker, Category.JOB, "Acme",
                "Engineer", null, LocalDate.parse("2026-03-01"), null), Instant.now());
        events().publishTraced(logged, "00-" + unsampledTrace + "-" + hex(8) + "-00");
        awaitAll(List.of(registered, logged));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .anySatisfy(span -> {
                    assertThat(span.getTraceId()).isEqualTo(traceId);
                    assertThat(span.getParentSpanId()).isEqualTo(publishSpan);
                    assertThat(span.getName()).isEqualTo("project");
                    assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
                    assertThat(span.getEndEpochNanos()).isGreaterThanOrEqualTo(span.getStartEpochNanos());
                }));
        assertThat(spans.getFinishedSpanItems()).as("a trace its caller did not sample stays unrecorded")
                .noneMatch(span -> span.getTraceId().equals(unsampledTrace));
    }

    @Test
    void prometheusShowsLagBatchesAndFreshnessToOperatorsOnly() {
        UUID seeker = UUID.randomUUID();
        awaitAll(List.of(events().publish(new SeekerRegistered(seeker, "scraped" + hex(3), "Scraped",
                ZoneId.of("UTC")), Instant.now())));

        assertThat(api().download("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(api().download("/actuator/prometheus", tokens().tokenFor(seeker)).status()).isEqualTo(403);
        assertThat(api().download("/readyz", null).status()).isEqualTo(200);
        String operator = tokens().operatorTokenFor(UUID.randomUUID());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            PrometheusScrape scrape = new PrometheusScrape(api().download("/actuator/prometheus", operator,
                    Map.of()).text());
            assertThat(scrape.sum("query_freshness_seconds_count")).isGreaterThanOrEqualTo(1);
            assertThat(scrape.sum("query_batch_size_records_count", "generation=\"live\"")).isGreaterThanOrEqualTo(1);
            assertThat(scrape.sum("query_events_applied_total")).isGreaterThanOrEqualTo(1);
            assertThat(scrape.has("kafka_consumer_fetch_manager_records_lag")).isTrue();
            assertThat(List.of("query_batch_duration_seconds_count", "query_consistency_parked",
                    "query_read_models_live_generation", "http_server_requests_seconds_count",
                    "hikaricp_connections_active", "jvm_memory_used_bytes"))
                    .allSatisfy(metric -> assertThat(scrape.has(metric)).as(metric).isTrue());
        });
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
