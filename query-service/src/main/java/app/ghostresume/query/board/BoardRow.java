package app.ghostresume.query.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One {@code attempt_board} row while a batch of events is folded into it: loaded (or created by the attempt's
 * AttemptLogged), changed in memory by each of the batch's events in turn, written back once if it changed.
 */
final class BoardRow {

    final UUID attemptId;
    final UUID seekerId;
    final Instant loggedAt;
    String category;
    String target;
    String targetKey;
    String title;
    String notes;
    String status;
    String stage;
    LocalDate sentOn;
    LocalDate expectedResponseBy;
    LocalDate outcomeOn;
    LocalDate followUpOn;
    LocalDate ghostedAfter;
    LocalDate reminderDueOn;
    LocalDate followedUpOn;
    LocalDate ghostedOn;
    boolean ghostedAutomatically;
    Integer sting;
    long lastSequence;
    boolean changed;

    BoardRow(UUID attemptId, UUID seekerId, Instant loggedAt) {
        this.attemptId = attemptId;
        this.seekerId = seekerId;
        this.loggedAt = loggedAt;
    }

    /** Records the outcome that closes the attempt's open reminder, if any. */
    void decided(String status, LocalDate on) {
        this.status = status;
        this.outcomeOn = on;
        this.reminderDueOn = null;
    }
}
