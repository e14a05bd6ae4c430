package app.ghostresume.query.board;

import java.time.LocalDate;

import app.ghostresume.events.Category;

/**
 * One counted fact of an attempt ({@link BoardRow#countedFacts}): what happened, on which day of the seeker's
 * calendar, in which category ({@code null} when the attempt names none).
 */
public record CountedFact(Fact fact, LocalDate day, Category category) {

    /** An attempt sent, or the outcome it came to. */
    public enum Fact {
        SENT,
        REJECTED,
        ACCEPTED,
        GHOSTED,
        WITHDRAWN
    }
}
