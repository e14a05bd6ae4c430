package app.ghostresume.query.consumption;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.ghostresume.events.AttemptAdvanced;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.ProfileChanged;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JournaledEventsTest {

    private static final UUID SEEKER = UUID.randomUUID();
    private static final UUID ATTEMPT = UUID.randomUUID();

    @Test
    void anAggregatesHistoryNeverRunsBackwardsThoughTheClocksDisagree() {
        // the attempt's second event was stamped a little earlier than its first, by another instance's clock
        EventEnvelope second = advanced(1, "2026-01-01T10:00:00Z");
        EventEnvelope other = EventEnvelope.wrap(UUID.randomUUID(), SEEKER.toString(), 0,
                Instant.parse("2026-01-01T10:00:01Z"), new ProfileChanged(SEEKER, true));
        EventEnvelope first = advanced(0, "2026-01-01T10:00:02Z");
        EventEnvelope third = advanced(2, "2026-01-01T10:00:03Z");

        List<EventEnvelope> ordered = JournaledEvents.inAggregateOrder(
                List.of(Optional.of(second), Optional.of(other), Optional.of(first), Optional.empty(),
                        Optional.of(third)));

        assertThat(ordered).containsExactly(first, other, second, third);
    }

    private static EventEnvelope advanced(long sequence, String at) {
        return EventEnvelope.wrap(UUID.randomUUID(), ATTEMPT.toString(), sequence, Instant.parse(at),
                new AttemptAdvanced(ATTEMPT, SEEKER, "stage " + sequence, LocalDate.parse("2026-01-01"), null));
    }
}
