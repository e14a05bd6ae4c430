package app.ghostresume.query.consumption;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.RejectionShared;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.events.ShareAudience;
import app.ghostresume.events.SupportKind;
import app.ghostresume.events.SupportOffered;
import app.ghostresume.events.SupportWithdrawn;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each aggregate's events are applied in the order of their sequence: an event that comes before one it follows is
 * held until that one comes, then applied right behind it (health is DOWN while it waits longer than
 * {@code query.events.gap-alarm-after}, here at once); a redelivery is dropped.
 */
@TestPropertySource(properties = "query.events.gap-alarm-after=0s")
class EventOrderTest extends QueryServiceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");

    @Autowired
    private MeterRegistry meters;

    @Test
    void aRejectionThatComesBeforeItsAttemptIsHeldUntilTheAttemptComesThenApplied() {
        UUID seeker = registered("early");
        UUID attempt = UUID.randomUUID();
        EventEnvelope logged = events().envelope(logged(attempt, seeker), NOW);
        EventEnvelope rejected = events().envelope(new RejectionReceived(attempt, seeker,
                LocalDate.parse("2026-03-05"), null, "no", 3), NOW);

        events().publish(rejected);
        eventually(() -> count("SELECT count(*) FROM held_event WHERE aggregate_id = '" + attempt + "'") == 1);
        assertThat(count("SELECT count(*) FROM seeker_event WHERE aggregate_id = '" + attempt + "'")).isZero();
        assertThat(api().get("/actuator/health", null).body().path("components").path("eventOrder")
                .path("status").asString()).isEqualTo("DOWN");
        assertThat(meters.get("query.events.held").gauge().value()).isEqualTo(1);

        events().publish(logged);
        awaitAll(List.of(logged, rejected));
        assertThat(jdbc.sql("SELECT status FROM attempt_board WHERE attempt_id = ?").param(attempt)
                .query(String.class).single()).isEqualTo("REJECTED");
        assertThat(count("SELECT count(*) FROM held_event WHERE aggregate_id = '" + attempt + "'")).isZero();
        assertThat(api().get("/actuator/health", null).body().path("components").path("eventOrder")
                .path("status").asString()).isEqualTo("UP");
        assertThat(meters.get("query.events.held").gauge().value()).isZero();
    }

    @Test
    void aRedeliveredEventUnderAnotherIdIsDroppedByItsSequence() {
        UUID seeker = registered("twice");
        UUID attempt = UUID.randomUUID();
        EventEnvelope logged = events().envelope(logged(attempt, seeker), NOW);
        EventEnvelope accepted = events().envelope(new AcceptanceReceived(attempt, seeker,
                LocalDate.parse("2026-03-06"), null), NOW);
        events().publish(logged, accepted);
        awaitAll(List.of(logged, accepted));

        // the same place in the attempt's history again, as a rejection: not applied
        EventEnvelope sameSequence = new EventEnvelope(UUID.randomUUID(), "RejectionReceived", 1, seeker,
                attempt.toString(), accepted.aggregateSequence(), NOW,
                new RejectionReceived(attempt, seeker, LocalDate.parse("2026-03-06"), null, null, null));
        EventEnvelope marker = events().publish(logged(UUID.randomUUID(), seeker), NOW);
        events().publish(sameSequence);
        EventEnvelope after = events().publish(logged(UUID.randomUUID(), seeker), NOW);
        awaitAll(List.of(marker, after));

        assertThat(count("SELECT count(*) FROM seeker_event WHERE event_id = '" + sameSequence.eventId() + "'"))
                .isZero();
        assertThat(jdbc.sql("SELECT status FROM attempt_board WHERE attempt_id = ?").param(attempt)
                .query(String.class).single()).isEqualTo("ACCEPTED");
    }

    @Test
    void supportTakenBackBeforeItsOfferArrivedIsNotLeftStanding() {
        UUID author = registered("author");
        UUID supporter = registered("friend");
        UUID attempt = UUID.randomUUID();
        UUID share = UUID.randomUUID();
        EventEnvelope logged = events().publish(logged(attempt, author), NOW);
        EventEnvelope rejected = events().publish(new RejectionReceived(attempt, author,
                LocalDate.parse("2026-03-05"), null, null, 2), NOW);
        EventEnvelope shared = events().publish(new RejectionShared(share, author, attempt, AttemptStatus.REJECTED,
                Category.PITCH, null, 2, LocalDate.parse("2026-03-05"), LocalDate.parse("2026-03-06"), "a no", false,
                ShareAudience.PUBLIC, null), NOW);
        EventEnvelope offered = events().envelope(new SupportOffered(share, supporter, SupportKind.HUG, "hug",
                LocalDate.of(2026, 11, 22)), NOW);
        EventEnvelope withdrawn = events().envelope(new SupportWithdrawn(share, supporter, SupportKind.HUG,
                LocalDate.of(2026, 11, 22)), NOW);
        awaitAll(List.of(logged, rejected, shared));

        events().publish(withdrawn);
        eventually(() -> count("SELECT count(*) FROM held_event WHERE aggregate_id = '" + share + "'") == 1);
        events().publish(offered);
        awaitAll(List.of(offered, withdrawn));

        // applied in their order, the hug given and taken back; in the order they came, it would stand
        assertThat(count("SELECT count(*) FROM share_support WHERE share_id = '" + share + "'")).isZero();
    }

    @Test
    void anEventThisVersionCannotReadStillTakesItsPlaceSoTheNextOneIsNotHeld() {
        UUID seeker = registered("newer");
        UUID attempt = UUID.randomUUID();
        EventEnvelope logged = events().envelope(logged(attempt, seeker), NOW);
        EventEnvelope fromTheFuture = events().envelope(new RejectionReceived(attempt, seeker,
                LocalDate.parse("2026-03-05"), null, null, null), NOW);
        EventEnvelope accepted = events().envelope(new AcceptanceReceived(attempt, seeker,
                LocalDate.parse("2026-03-07"), null), NOW);
        events().publish(logged);
        events().publishRaw(seeker, rewritten(fromTheFuture, "StingMeasured", 1));
        events().publish(accepted);

        awaitAll(List.of(logged, accepted));
        assertThat(count("SELECT count(*) FROM held_event WHERE aggregate_id = '" + attempt + "'")).isZero();
        assertThat(jdbc.sql("SELECT status FROM attempt_board WHERE attempt_id = ?").param(attempt)
                .query(String.class).single()).isEqualTo("ACCEPTED");
    }

    @Test
    void anEventThatCannotBeDecodedIsParkedInItsPlaceSoTheNextOneIsNotHeld() {
        UUID seeker = registered("broken");
        UUID attempt = UUID.randomUUID();
        EventEnvelope logged = events().envelope(logged(attempt, seeker), NOW);
        EventEnvelope rejected = events().envelope(new RejectionReceived(attempt, seeker,
                LocalDate.parse("2026-03-05"), null, null, 2), NOW);
        ObjectNode broken = (ObjectNode) JSON.readTree(events().encode(rejected));
        ((ObjectNode) broken.get("payload")).put("receivedOn", "not a date");
        EventEnvelope accepted = events().envelope(new AcceptanceReceived(attempt, seeker,
                LocalDate.parse("2026-03-07"), null), NOW);
        events().publish(logged);
        events().publishRaw(seeker, JSON.writeValueAsBytes(broken));
        events().publish(accepted);

        awaitAll(List.of(logged, accepted));
        assertThat(count("SELECT count(*) FROM held_event WHERE aggregate_id = '" + attempt + "'")).isZero();
        assertThat(count("SELECT count(*) FROM dead_letter WHERE error LIKE 'undecodable%'")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM attempt_board WHERE attempt_id = ?").param(attempt)
                .query(String.class).single()).isEqualTo("ACCEPTED");
    }

    private UUID registered(String handle) {
        UUID seeker = UUID.randomUUID();
        awaitAll(List.of(events().publish(new SeekerRegistered(seeker, handle + seeker.toString()
                .substring(0, 6), handle, ZoneId.of("UTC")), NOW)));
        return seeker;
    }

    private static AttemptLogged logged(UUID attemptId, UUID seeker) {
        return new AttemptLogged(attemptId, seeker, Category.PITCH, "Outlet", "Pitch", null,
                LocalDate.parse("2026-03-01"), null);
    }

    private byte[] rewritten(EventEnvelope envelope, String type, int version) {
        ObjectNode json = (ObjectNode) JSON.readTree(events().encode(envelope));
        json.put("type", type);
        json.put("version", version);
        byte[] bytes = JSON.writeValueAsBytes(json);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(envelope.aggregateId());
        return bytes;
    }
}
