package app.ghostresume.query;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.Category;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.query.insights.InsightsCommand;
import app.ghostresume.query.support.Api.Response;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The community report over the whole topic: ten pitch writers, each with 2 to 11 rejections before a first yes,
 * and two grant writers (too few to be shown). Run as the command runs it, then served by the query service.
 */
class InsightsApiTest extends QueryServiceIntegrationTest {

    @Value("${ghost.kafka.topic.name}")
    private String topic;

    @Value("${spring.datasource.url}")
    private String databaseUrl;

    @TempDir
    Path folder;

    @Test
    void theCommunityReportReplaysTheTopicAndIsServedToEverySeeker() throws Exception {
        UUID reader = UUID.randomUUID();
        assertThat(api().get("/api/insights", tokens().tokenFor(reader)).status()).isEqualTo(404);
        List<EventEnvelope> published = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            UUID seeker = UUID.randomUUID();
            Category category = s < 10 ? Category.PITCH : Category.GRANT;
            published.add(publishAt(new SeekerRegistered(seeker, "writer" + s, "W", ZoneId.of("UTC")),
                    "2025-01-01T09:00:00Z"));
            for (int r = 0; r < 2 + s; r++) {
                UUID attempt = UUID.randomUUID();
                published.add(publishAt(new AttemptLogged(attempt, seeker, category, "Outlet " + r, "T", null,
                        LocalDate.parse("2025-02-01"), null), "2025-02-01T09:00:00Z"));
                published.add(publishAt(new RejectionReceived(attempt, seeker, LocalDate.parse("2025-02-11"), null,
                        null, 5 - Math.min(4, r)), "2025-02-11T09:00:00Z"));
            }
            UUID yes = UUID.randomUUID();
            published.add(publishAt(new AttemptLogged(yes, seeker, category, "Yes", "T", null,
                    LocalDate.parse("2025-03-01"), null), "2025-03-01T09:00:00Z"));
            published.add(publishAt(new AcceptanceReceived(yes, seeker, LocalDate.parse("2025-03-21"), null),
                    "2025-03-21T09:00:00Z"));
        }
        awaitAll(published);

        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        InsightsCommand.Result result = InsightsCommand.run(Map.of("bootstrap", infrastructure().bootstrapServers(),
                "topic", topic, "out", folder.toString(), "postgres-url", databaseUrl,
                "postgres-user", infrastructure().username(), "postgres-password", infrastructure().password()),
                Clock.systemUTC(), new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(result.report().events()).isEqualTo(published.size());
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("100 %", "events/s");
        assertThat(folder.resolve("report.md")).content().contains("The critical mass of nos", "| PITCH | 10 |");
        assertThat(folder.resolve("report.json")).isNotEmptyFile();
        assertThat(Files.readAllBytes(folder.resolve("critical-mass-of-nos.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(folder.resolve("critical-mass-of-nos.csv")).content().startsWith("category,seekers,median,p90");

        Response served = api().get("/api/insights", tokens().tokenFor(reader));
        assertThat(served.status()).as(served.toString()).isEqualTo(200);
        JsonNode critical = served.body().get("tables").get(0);
        assertThat(critical.get("name").asString()).isEqualTo("critical-mass-of-nos");
        // PITCH: 2 to 11 nos before the first yes; GRANT has two writers only, and is not shown
        assertThat(critical.get("rows")).singleElement().satisfies(row -> {
            assertThat(row.get(0).asString()).isEqualTo("PITCH");
            assertThat(row.get(1).asLong()).isEqualTo(10);
            assertThat(row.get(2).asDouble()).isEqualTo(6.5);
            // the 90th percentile of ten is about one writer's own figure; of the buckets, 1-4 and 10-19 cover 3
            // and 2 writers: both hidden, together five, so subtracting 5-9's five from the ten gives no one away
            assertThat(row.get(3).isNull()).isTrue();
            assertThat(row.get(5).isNull()).isTrue();
            assertThat(row.get(6).asLong()).isEqualTo(5);
            assertThat(row.get(7).isNull()).isTrue();
        });
        assertThat(critical.get("suppressedRows").asInt()).isEqualTo(1);
        assertThat(served.body().toString()).doesNotContain("writer", "Outlet");
    }
}
