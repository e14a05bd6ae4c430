package app.ghostresume.command.attempt;

import java.time.LocalDate;

import app.ghostresume.command.seeker.ResponseWindows;
import app.ghostresume.events.Category;

/**
 * When to nudge and when to give up on a waiting attempt. The attempt is ghosted after its expected response
 * date or, without one, after the seeker's ghosting window for its category; a follow-up falls due after the
 * follow-up window, unless that would come after the ghosting (then there is none).
 */
record ResponseDeadlines(LocalDate followUpOn, LocalDate ghostedAfter) {

    static final ResponseDeadlines NONE = new ResponseDeadlines(null, null);

    static ResponseDeadlines of(Category category, LocalDate sentOn, LocalDate expectedResponseBy,
            ResponseWindows windows) {
        LocalDate ghostedAfter = expectedResponseBy != null ? expectedResponseBy
                : sentOn.plusDays(windows.ghostingDays(category));
        LocalDate followUpOn = sentOn.plusDays(windows.followUpDays(category));
        return new ResponseDeadlines(followUpOn.isAfter(ghostedAfter) ? null : followUpOn, ghostedAfter);
    }
}
