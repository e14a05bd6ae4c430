package app.ghostresume.query.board;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptAdvanced;
import app.ghostresume.events.AttemptCorrected;
import app.ghostresume.events.AttemptEvent;
import app.ghostresume.events.AttemptGhosted;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptWithdrawn;
import app.ghostresume.events.Category;
import app.ghostresume.events.FollowUpDue;
import app.ghostresume.events.FollowedUp;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.ResponseDeadlinesSet;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's table keeps what the fold ({@link BoardFold}) made, column by column: a history folded in one batch,
 * the same history applied event by event (a read and a write of the row for each), and the history folded in
 * memory leave the same row.
 */
class BoardRowsRoundTripTest extends QueryServiceIntegrationTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Autowired
    private AttemptBoardProjection projection;

    @Test
    void aHistoryInOneBatchEventByEventAndInMemoryLeavesTheSameRow() {
        UUID batch = UUID.randomUUID();
        UUID oneByOne = UUID.randomUUID();
        UUID inMemory = UUID.randomUUID();

        projection.applyAll(BoardFoldTest.envelopes(history(batch)));
        BoardFoldTest.envelopes(history(oneByOne)).forEach(projection::apply);
        Map<UUID, BoardRow> folded = new HashMap<>();
        BoardFold.fold(BoardFoldTest.envelopes(history(inMemory)), folded);

        BoardRow stored = rowOf(batch);
        assertThat(stored.status).isEqualTo("ACCEPTED");
        assertThat(stored).usingRecursiveComparison().ignoringFields("attemptId", "seekerId", "changed", "loggedAt")
                .isEqualTo(rowOf(oneByOne))
                .isEqualTo(folded.get(inMemory));
        assertThat(stored.loggedAt).isEqualTo(folded.get(inMemory).loggedAt);
    }

    /**
     * The two homes of "what counts on which day" agree, and so do those of "which days are active": the views
     * {@code counted_fact} and {@code active_fact}, which every count at query time reads, and
     * {@link BoardRow#countedFacts} and {@link BoardRow#activeDays}, which reports replayed from the journal read,
     * on every kind of history: still waiting, each outcome, a sent date corrected, a declared and an automatic
     * ghosting, an acceptance after a ghosting.
     */
    @Test
    void theViewsAndTheRowsTwinsCountTheSameFacts() {
        UUID seeker = UUID.randomUUID();
        List<UUID> attempts = IntStream.range(0, 6).mapToObj(i -> UUID.randomUUID()).toList();
        List<AttemptEvent> histories = new ArrayList<>();
        for (UUID attempt : attempts) {
            histories.add(new AttemptLogged(attempt, seeker, Category.PITCH, "Granta", "Story", null, DAY, null));
        }
        histories.add(new RejectionReceived(attempts.get(1), seeker, DAY.plusDays(2), null, null, 3));
        histories.add(new AcceptanceReceived(attempts.get(2), seeker, DAY.plusDays(5), null));
        histories.add(new AttemptGhosted(attempts.get(3), seeker, DAY.plusDays(31), true));
        histories.add(new AttemptWithdrawn(attempts.get(4), seeker, DAY.plusDays(1), null));
        histories.add(new AttemptCorrected(attempts.get(5), seeker, Category.JOB, null, null, null, DAY.minusDays(3),
                null));
        histories.add(new AttemptGhosted(attempts.get(5), seeker, DAY.plusDays(10), false));
        histories.add(new AcceptanceReceived(attempts.get(5), seeker, DAY.plusDays(40), null));
        projection.applyAll(BoardFoldTest.envelopes(histories));

        List<String> fromTheView = jdbc.sql("""
                SELECT fact || ' ' || day || ' ' || category FROM counted_fact WHERE seeker_id = ?
                """).param(seeker).query(String.class).list();
        List<String> fromTheRows = new BoardRows(jdbc).load(attempts).values().stream()
                .flatMap(row -> row.countedFacts().stream())
                .map(fact -> fact.fact() + " " + fact.day() + " " + fact.category()).toList();
        assertThat(fromTheView).hasSize(11).containsExactlyInAnyOrderElementsOf(fromTheRows)
                .contains("SENT " + DAY.minusDays(3) + " JOB", "ACCEPTED " + DAY.plusDays(40) + " JOB",
                        "GHOSTED " + DAY.plusDays(31) + " PITCH", "WITHDRAWN " + DAY.plusDays(1) + " PITCH");

        List<LocalDate> activeInTheView = jdbc.sql("SELECT day FROM active_fact WHERE seeker_id = ?").param(seeker)
                .query(LocalDate.class).list();
        List<LocalDate> activeInTheRows = new BoardRows(jdbc).load(attempts).values().stream()
                .flatMap(row -> row.activeDays().stream()).toList();
        assertThat(activeInTheView).containsExactlyInAnyOrderElementsOf(activeInTheRows)
                .contains(DAY.minusDays(3), DAY.plusDays(2), DAY.plusDays(40))
                .doesNotContain(DAY.plusDays(31), DAY.plusDays(1));
    }

    /** Every column of the row set at least once. */
    private static List<AttemptEvent> history(UUID attempt) {
        UUID seeker = UUID.nameUUIDFromBytes(attempt.toString().getBytes());
        return List.of(
                new AttemptLogged(attempt, seeker, Category.JOB, "Acme Inc.", "Engineer", "n", DAY, DAY.plusDays(9)),
                new ResponseDeadlinesSet(attempt, seeker, DAY.plusDays(14), DAY.plusDays(30)),
                new AttemptAdvanced(attempt, seeker, "phone screen", DAY.plusDays(3), null),
                new AttemptCorrected(attempt, seeker, null, "Globex Ltd", null, "fixed", null, null),
                new FollowUpDue(attempt, seeker, DAY.plusDays(14)),
                new FollowedUp(attempt, seeker, DAY.plusDays(15)),
                new FollowUpDue(attempt, seeker, DAY.plusDays(20)),
                new RejectionReceived(attempt, seeker, DAY.plusDays(21), null, "f", 4),
                new AttemptGhosted(attempt, seeker, DAY.plusDays(30), true),
                new AcceptanceReceived(attempt, seeker, DAY.plusDays(40), null));
    }

    private BoardRow rowOf(UUID attempt) {
        Map<UUID, BoardRow> rows = new BoardRows(jdbc).load(List.of(attempt));
        assertThat(rows).containsKey(attempt);
        return rows.get(attempt);
    }
}
