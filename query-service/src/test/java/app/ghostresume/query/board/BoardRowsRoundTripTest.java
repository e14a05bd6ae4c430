package app.ghostresume.query.board;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptAdvanced;
import app.ghostresume.events.AttemptCorrected;
import app.ghostresume.events.AttemptEvent;
import app.ghostresume.events.AttemptGhosted;
import app.ghostresume.events.AttemptLogged;
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
