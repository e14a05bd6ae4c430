package app.ghostresume.query.board;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.EventEnvelope;
import app.ghostresume.query.consumption.Projection;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code attempt_board} current, each batch folded by {@link BoardFold}: the rows of every attempt it touches are read with one statement, each event
 * changes its row in turn, and the changed rows are written back with one more, however many events the batch
 * holds (replaying the topic, an attempt's whole history often sits in one batch).
 */
@Component
class AttemptBoardProjection implements Projection {

    private final BoardRows board;

    AttemptBoardProjection(BoardRows board) {
        this.board = board;
    }

    @Override
    public void apply(EventEnvelope event) {
        applyAll(List.of(event));
    }

    @Override
    public void applyAll(List<EventEnvelope> events) {
        List<EventEnvelope> boardEvents = events.stream().filter(BoardFold::changesBoard).toList();
        if (boardEvents.isEmpty()) {
            return;
        }
        Map<UUID, BoardRow> rows = board.load(BoardFold.attemptsOf(boardEvents));
        BoardFold.fold(boardEvents, rows);
        board.store(rows.values().stream().filter(row -> row.changed).toList());
    }
}
