package app.ghostresume.query.consistency;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.Category;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read waiting on its Consistency-Token holds no request thread, and one seeker's waiting reads are bounded, so
 * they cannot slow anyone else: here the service has four request threads, and one seeker parks six reads.
 */
@TestPropertySource(properties = { "server.tomcat.threads.max=4", "query.consistency.waits-per-seeker=6",
        "query.consistency.timeout=20s" })
class ParkedReadsTest extends QueryServiceIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");

    @LocalServerPort
    private int port;

    @Autowired
    private MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readsParkedByOneSeekerHoldNoThreadAndAnotherSeekerIsAnsweredMeanwhile() throws Exception {
        UUID waiting = registered("parker");
        UUID other = registered("other");
        UUID attempt = UUID.randomUUID();
        EventEnvelope logged = events().envelope(new AttemptLogged(attempt, waiting, Category.PITCH, "Outlet",
                "Pitch", null, LocalDate.parse("2026-03-01"), null), NOW);
        String token = attempt + "." + logged.aggregateSequence();

        List<CompletableFuture<HttpResponse<String>>> parked = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            parked.add(read(waiting, token));
        }
        eventually(() -> meters.get("query.consistency.parked").gauge().value() == 6);

        // more parked reads than request threads, and still another seeker's read is answered
        HttpResponse<String> meanwhile = read(other, null).get();
        assertThat(meanwhile.statusCode()).isEqualTo(200);
        assertThat(parked).noneMatch(CompletableFuture::isDone);

        // a seventh read of the same seeker may not wait
        HttpResponse<String> refused = read(waiting, token).get();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("https://ghostresume.app/problems/too-many-waits");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");

        events().publish(logged);
        for (CompletableFuture<HttpResponse<String>> read : parked) {
            HttpResponse<String> answer = read.get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains(attempt.toString());
        }
        assertThat(meters.get("query.consistency.parked").gauge().value()).isZero();
    }

    private CompletableFuture<HttpResponse<String>> read(UUID seeker, String consistencyToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me/attempts"))
                .header("Authorization", "Bearer " + tokens().tokenFor(seeker)).timeout(Duration.ofSeconds(60));
        if (consistencyToken != null) {
            request.header("Consistency-Token", consistencyToken);
        }
        return http.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private UUID registered(String handle) {
        UUID seeker = UUID.randomUUID();
        awaitAll(List.of(events().publish(new SeekerRegistered(seeker, handle, handle, ZoneId.of("UTC")), NOW)));
        return seeker;
    }
}
