package app.ghostresume.query.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptAdvanced;
import app.ghostresume.events.AttemptCorrected;
import app.ghostresume.events.AttemptEvent;
import app.ghostresume.events.AttemptGhosted;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.Category;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.FollowUpDue;
import app.ghostresume.events.FollowedUp;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.ResponseDeadlinesSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How events change the board's rows, in memory: the awkward cases of a reminder that comes after the outcome, a
 * late acceptance of a ghosted attempt, a rejection without a stage, a correction of the target, a redelivered older
 * event, an event of someone else's attempt and an AttemptLogged seen twice. ({@code BoardRowsRoundTripTest} holds
 * that the table keeps what the fold made.)
 */
class BoardFoldTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void aWholeHistoryEndsRejectedWithItsStageCorrectedTargetAndNoReminder() {
        assertFolded(attempt -> {
            UUID seeker = UUID.randomUUID();
            return List.of(
                    new AttemptLogged(attempt, seeker, Category.JOB, "Acme Inc.", "Engineer", "n", DAY, DAY.plusDays(9)),
                    new ResponseDeadlinesSet(attempt, seeker, DAY.plusDays(14), DAY.plusDays(30)),
                    new AttemptAdvanced(attempt, seeker, "phone screen", DAY.plusDays(3), null),
                    new AttemptCorrected(attempt, seeker, null, "Globex Ltd", null, "fixed", null, null),
                    new FollowUpDue(attempt, seeker, DAY.plusDays(14)),
                    new FollowedUp(attempt, seeker, DAY.plusDays(15)),
                    new FollowUpDue(attempt, seeker, DAY.plusDays(20)),
                    new RejectionReceived(attempt, seeker, DAY.plusDays(21), null, "f", 4),
                    new FollowUpDue(attempt, seeker, DAY.plusDays(22)));
        }, row -> {
            assertThat(row.status).isEqualTo("REJECTED");
            assertThat(row.stage).isEqualTo("phone screen");
            assertThat(row.target).isEqualTo("Globex Ltd");
            assertThat(row.targetKey).isEqualTo("globex");
            assertThat(row.reminderDueOn).isNull();
            assertThat(row.sting).isEqualTo(4);
            assertThat(row.lastSequence).isEqualTo(8);
        });
    }

    @Test
    void aLateAcceptanceOfAGhostedAttemptKeepsTheDayItWasGhosted() {
        assertFolded(attempt -> {
            UUID seeker = UUID.randomUUID();
            return List.of(
                    new AttemptLogged(attempt, seeker, Category.PITCH, "Initech", "Pitch", null, DAY, null),
                    new FollowUpDue(attempt, seeker, DAY.plusDays(7)),
                    new AttemptGhosted(attempt, seeker, DAY.plusDays(30), true),
                    new AcceptanceReceived(attempt, seeker, DAY.plusDays(40), null));
        }, row -> {
            assertThat(row.status).isEqualTo("ACCEPTED");
            assertThat(row.outcomeOn).isEqualTo(DAY.plusDays(40));
            assertThat(row.ghostedOn).isEqualTo(DAY.plusDays(30));
            assertThat(row.ghostedAutomatically).isTrue();
            assertThat(row.reminderDueOn).isNull();
        });
    }

    @Test
    void redeliveredOlderEventsOtherSeekersEventsAndASecondLoggingChangeNothing() {
        UUID seeker = UUID.randomUUID();
        UUID attempt = UUID.randomUUID();
        List<EventEnvelope> history = envelopes(List.of(
                new AttemptLogged(attempt, seeker, Category.GRANT, "Wellcome", "Grant", null, DAY, null),
                new RejectionReceived(attempt, seeker, DAY.plusDays(5), "panel", null, 2)));
        EventEnvelope olderAgain = EventEnvelope.wrap(UUID.randomUUID(), attempt.toString(), 1, AT,
                new AcceptanceReceived(attempt, seeker, DAY.plusDays(6), null));
        EventEnvelope someoneElses = EventEnvelope.wrap(UUID.randomUUID(), attempt.toString(), 2, AT,
                new AttemptGhosted(attempt, UUID.randomUUID(), DAY.plusDays(7), false));
        EventEnvelope loggedAgain = EventEnvelope.wrap(UUID.randomUUID(), attempt.toString(), 0, AT,
                new AttemptLogged(attempt, seeker, Category.JOB, "Other", "Other", null, DAY.minusDays(1), null));
        List<EventEnvelope> batch = new ArrayList<>(history);
        batch.addAll(List.of(olderAgain, someoneElses, loggedAgain));

        Map<UUID, BoardRow> rows = new HashMap<>();
        BoardFold.fold(batch, rows);

        BoardRow row = rows.get(attempt);
        assertThat(row.status).isEqualTo("REJECTED");
        assertThat(row.stage).isEqualTo("panel");
        assertThat(row.category).isEqualTo("GRANT");
        assertThat(row.sentOn).isEqualTo(DAY);
        assertThat(row.lastSequence).isEqualTo(1);
    }

    private static void assertFolded(Function<UUID, List<? extends AttemptEvent>> history,
            Consumer<BoardRow> expectations) {
        UUID attempt = UUID.randomUUID();
        Map<UUID, BoardRow> rows = new HashMap<>();

        BoardFold.fold(envelopes(history.apply(attempt)), rows);

        assertThat(rows).containsOnlyKeys(attempt);
        assertThat(rows.get(attempt).changed).isTrue();
        expectations.accept(rows.get(attempt));
    }

    /** The events as one attempt's history: sequences from 0, a second apart. */
    static List<EventEnvelope> envelopes(List<? extends AttemptEvent> events) {
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            envelopes.add(EventEnvelope.wrap(UUID.randomUUID(), events.get(i).attemptId().toString(), i,
                    AT.plusSeconds(i), events.get(i)));
        }
        return envelopes;
    }
}
