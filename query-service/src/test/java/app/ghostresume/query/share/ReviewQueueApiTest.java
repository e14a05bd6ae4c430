package app.ghostresume.query.share;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.RejectionShared;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.events.ShareAudience;
import app.ghostresume.events.ShareHidden;
import app.ghostresume.events.ShareRemoved;
import app.ghostresume.events.ShareReported;
import app.ghostresume.events.ShareRestored;
import app.ghostresume.query.support.Api.Response;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A share hidden after reports waits in the operators' queue, with its reports' reasons and whether each counted,
 * never who wrote or reported it; restored it is back in the feed, removed it stays out. Only operators read the
 * queue.
 */
class ReviewQueueApiTest extends QueryServiceIntegrationTest {

    private static final String AT = "2026-03-10T10:00:00Z";

    @Test
    void aHiddenShareWaitsForReviewAndComesBackWhenRestoredOrStaysOutWhenRemoved() {
        UUID author = registered("author");
        UUID reader = registered("reader");
        UUID operator = registered("operator");
        List<UUID> reporters = List.of(registered("r1"), registered("r2"), registered("r3"), registered("r4"));
        UUID restored = sharedRejection(author);
        UUID removed = sharedRejection(author);
        List<EventEnvelope> reports = new ArrayList<>();
        for (UUID share : List.of(restored, removed)) {
            reports.add(publishAt(new ShareReported(share, reporters.get(3), "too new to count", false,
                    LocalDate.of(2026, 11, 22)), AT));
            for (int i = 0; i < 3; i++) {
                reports.add(publishAt(new ShareReported(share, reporters.get(i), "spam " + i, LocalDate.of(2026, 11,
                        22)), AT));
            }
            reports.add(publishAt(new ShareHidden(share, reporters.get(2), 3, LocalDate.of(2026, 11, 22)), AT));
        }
        awaitAll(reports);

        Response queue = api().get("/api/operator/shares", tokens().operatorTokenFor(operator));
        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
        JsonNode items = queue.body().get("items");
        assertThat(items).hasSize(2);
        JsonNode first = items.get(0);
        assertThat(first.get("story").asString()).isEqualTo("a no");
        assertThat(first.get("reports")).hasSize(4);
        assertThat(first.get("reports").toString()).contains("\"reason\":\"too new to count\",\"counted\":false",
                "\"reason\":\"spam 0\",\"counted\":true");
        assertThat(queue.body().toString()).doesNotContain(author.toString(), reporters.get(0).toString(), "author",
                "r1");

        assertThat(feed(reader)).doesNotContain(restored.toString(), removed.toString());
        awaitAll(List.of(publishAt(new ShareRestored(restored, operator, "fine", LocalDate.of(2026, 11, 22)), AT),
                publishAt(new ShareRemoved(removed, operator, "names a person", LocalDate.of(2026, 11, 22)), AT)));
        assertThat(feed(reader)).contains(restored.toString()).doesNotContain(removed.toString());
        assertThat(api().get("/api/operator/shares", tokens().operatorTokenFor(operator)).body().get("items"))
                .isEmpty();
        // its author still sees the removed share among their own, hidden
        assertThat(api().get("/api/me/shares", tokens().tokenFor(author)).body().toString())
                .contains(removed.toString());
    }

    @Test
    void onlyOperatorsReadTheQueue() {
        UUID seeker = registered("plain");
        Response refused = api().get("/api/operator/shares", tokens().tokenFor(seeker));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("type").asString()).isEqualTo("https://ghostresume.app/problems/forbidden");
        assertThat(api().get("/api/operator/shares", null).status()).isEqualTo(401);
    }

    private String feed(UUID reader) {
        return api().get("/api/feed?limit=100", tokens().tokenFor(reader)).body().toString();
    }

    private UUID sharedRejection(UUID author) {
        UUID attempt = UUID.randomUUID();
        UUID share = UUID.randomUUID();
        awaitAll(List.of(publishAt(new AttemptLogged(attempt, author, Category.PITCH, "Outlet", "Pitch", null,
                        LocalDate.parse("2026-03-01"), null), AT),
                publishAt(new RejectionReceived(attempt, author, LocalDate.parse("2026-03-05"), null, null, 2), AT),
                publishAt(new RejectionShared(share, author, attempt, AttemptStatus.REJECTED, Category.PITCH, null, 2,
                        LocalDate.parse("2026-03-05"), LocalDate.parse("2026-03-06"), "a no", true,
                        ShareAudience.PUBLIC, null), AT)));
        return share;
    }

    private UUID registered(String handle) {
        UUID seeker = UUID.randomUUID();
        awaitAll(List.of(publishAt(new SeekerRegistered(seeker, handle, handle, ZoneId.of("UTC")), AT)));
        return seeker;
    }
}
