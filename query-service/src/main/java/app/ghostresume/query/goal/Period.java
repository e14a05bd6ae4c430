package app.ghostresume.query.goal;

import java.time.LocalDate;

/** A stretch of calendar days, {@code start} to {@code end}, both included. */
record Period(LocalDate start, LocalDate end) {

    boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** Over by {@code today}: its last day has passed. */
    boolean endedBy(LocalDate today) {
        return end.isBefore(today);
    }
}
