package app.ghostresume.query.consumption;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.Category;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records this version cannot apply do not stop consumption: events from the future are skipped and counted,
 * records that are not events (or that no projection can store) are parked with their bytes.
 */
class UnreadableRecordsTest extends QueryServiceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MeterRegistry meters;

    @Test
    void unknownAndNewerEventsAreSkippedAndCountedAndGarbageIsParkedWhileLaterEventsStillApply() {
        UUID seeker = UUID.randomUUID();
        Instant now = Instant.now();
        events().publish(new SeekerRegistered(seeker, "cy", "Cy", ZoneId.of("UTC")), now);
        // each in its own place of an aggregate's history, as a newer producer would write them
        events().publishRaw(seeker, rewritten(events().envelope(logged(UUID.randomUUID(), seeker, Category.JOB), now),
                "BadgeAwarded", 1));
        events().publishRaw(seeker, rewritten(events().envelope(logged(UUID.randomUUID(), seeker, Category.JOB), now),
                "BadgeAwarded", 1));
        events().publishRaw(seeker, rewritten(events().envelope(logged(UUID.randomUUID(), seeker, Category.JOB), now),
                "AttemptLogged", 2));
        byte[] garbage = "this is not an event {".getBytes(StandardCharsets.UTF_8);
        events().publishRaw(seeker, garbage);
        UUID uncategorised = UUID.randomUUID();
        events().publish(logged(uncategorised, seeker, null), now);
        UUID valid = UUID.randomUUID();
        events().publish(logged(valid, seeker, Category.JOB), now);

        eventually(() -> count("SELECT count(*) FROM attempt_board WHERE attempt_id = '" + valid + "'") == 1);

        assertThat(jdbc.sql("SELECT type, version, count FROM skipped_event ORDER BY type, version")
                .query((rs, row) -> rs.getString(1) + " v" + rs.getInt(2) + " x" + rs.getLong(3)).list())
                .containsExactly("AttemptLogged v2 x1", "BadgeAwarded v1 x2");
        assertThat(meters.counter("query.events.skipped", "type", "BadgeAwarded", "version", "1").count())
                .isEqualTo(2);
        assertThat(meters.counter("query.events.skipped", "type", "AttemptLogged", "version", "2").count())
                .isEqualTo(1);

        List<Map<String, Object>> parked = jdbc.sql(
                "SELECT record_key, record_value, error FROM dead_letter ORDER BY record_offset").query().listOfRows();
        assertThat(parked).hasSize(2);
        assertThat((byte[]) parked.get(0).get("record_value")).isEqualTo(garbage);
        assertThat((byte[]) parked.get(0).get("record_key")).isEqualTo(seeker.toString().getBytes(StandardCharsets.UTF_8));
        assertThat((String) parked.get(0).get("error")).startsWith("undecodable");
        assertThat((String) parked.get(1).get("error")).contains("AttemptLogged").contains("cannot be projected");
        assertThat(meters.counter("query.events.dead_lettered").count()).isEqualTo(2);

        // the parked event left no trace in any read model: its savepoint was rolled back
        assertThat(count("SELECT count(*) FROM seeker_event WHERE aggregate_id = '" + uncategorised + "'")).isZero();
        assertThat(count("SELECT count(*) FROM attempt_board WHERE seeker_id = '" + seeker + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM seeker_event WHERE seeker_id = '" + seeker + "'")).isEqualTo(2);
    }

    private static AttemptLogged logged(UUID attemptId, UUID seeker, Category category) {
        return new AttemptLogged(attemptId, seeker, category, "Acme", "Engineer", null, LocalDate.parse("2026-03-01"),
                null);
    }

    /** The same envelope as another producer version would write it. */
    private byte[] rewritten(EventEnvelope envelope, String type, int version) {
        ObjectNode json = (ObjectNode) JSON.readTree(events().encode(envelope));
        json.put("eventId", UUID.randomUUID().toString());
        json.put("type", type);
        json.put("version", version);
        return JSON.writeValueAsBytes(json);
    }
}
