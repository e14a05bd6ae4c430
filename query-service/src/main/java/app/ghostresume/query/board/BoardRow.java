package app.ghostresume.query.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;

/**
 * One {@code attempt_board} row while a batch of events is folded into it: loaded (or created by the attempt's
 * AttemptLogged), changed in memory by each of the batch's events in turn, written back once if it changed; or
 * an attempt as a report's replay leaves it ({@link BoardFold#replay}), read through its accessors.
 */
public final class BoardRow {

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

    public UUID attemptId() {
        return attemptId;
    }

    public UUID seekerId() {
        return seekerId;
    }

    /** {@code null} when the attempt names none. */
    public Category category() {
        return category == null ? null : Category.valueOf(category);
    }

    public String target() {
        return target;
    }

    public String title() {
        return title;
    }

    public AttemptStatus status() {
        return AttemptStatus.valueOf(status);
    }

    public LocalDate sentOn() {
        return sentOn;
    }

    /** The day of the latest outcome; {@code null} while waiting. */
    public LocalDate outcomeOn() {
        return outcomeOn;
    }

    /** The sting of the rejection, 1 to 5, if the seeker gave one. */
    public Integer sting() {
        return sting;
    }

    /** The day the seeker declared the attempt ghosted, {@code null} if never or only automatically. */
    public LocalDate declaredGhostedOn() {
        return ghostedOn != null && !ghostedAutomatically ? ghostedOn : null;
    }

    /**
     * The attempt's counted facts, the Java twin of the {@code counted_fact} view (migration V12): SENT on the day
     * sent, whatever became of it, and its outcome (REJECTED, ACCEPTED, GHOSTED or WITHDRAWN) on the day it came.
     */
    public List<CountedFact> countedFacts() {
        CountedFact sent = new CountedFact(CountedFact.Fact.SENT, sentOn, category());
        if (AttemptStatus.WAITING.name().equals(status) || outcomeOn == null) {
            return List.of(sent);
        }
        return List.of(sent, new CountedFact(CountedFact.Fact.valueOf(status), outcomeOn, category()));
    }

    /**
     * The days this attempt makes active, one per fact, the Java twin of the {@code active_fact} view (migration
     * V16): the day sent, the day of a rejection or an acceptance, the day the seeker declared it ghosted.
     */
    public List<LocalDate> activeDays() {
        List<LocalDate> days = new ArrayList<>();
        for (CountedFact fact : countedFacts()) {
            if (fact.fact() == CountedFact.Fact.SENT || fact.fact() == CountedFact.Fact.REJECTED
                    || fact.fact() == CountedFact.Fact.ACCEPTED) {
                days.add(fact.day());
            }
        }
        if (declaredGhostedOn() != null) {
            days.add(declaredGhostedOn());
        }
        return days;
    }

    /** Records the outcome that closes the attempt's open reminder, if any. */
    void decided(String status, LocalDate on) {
        this.status = status;
        this.outcomeOn = on;
        this.reminderDueOn = null;
    }
}
