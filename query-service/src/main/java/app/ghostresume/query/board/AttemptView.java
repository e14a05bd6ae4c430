package app.ghostresume.query.board;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.query.reflection.Reflections.Reflection;
import app.ghostresume.query.timeline.Timeline.HistoryEntry;

/**
 * The JSON shapes of the board: a list item, the detail with notes, history and the seeker's reflections (oldest
 * first), and an open reminder.
 */
final class AttemptView {

    private AttemptView() {
    }

    /**
     * @param daysWaiting    days since it was sent, while still waiting
     * @param daysToResponse days from sending to the answer, for rejections and acceptances
     */
    record Item(UUID attemptId, Category category, String target, String title, AttemptStatus status, String stage,
            LocalDate sentOn, LocalDate expectedResponseBy, LocalDate outcomeOn, Long daysWaiting,
            Long daysToResponse) {

        static Item of(AttemptBoard.Listed row, LocalDate today) {
            return new Item(row.attemptId(), row.category(), row.target(), row.title(), row.status(), row.stage(),
                    row.sentOn(), row.expectedResponseBy(), row.outcomeOn(), waitingDays(row, today),
                    responseDays(row));
        }
    }

    record Detail(UUID attemptId, Category category, String target, String title, AttemptStatus status,
            String stage, LocalDate sentOn, LocalDate expectedResponseBy, LocalDate outcomeOn, Long daysWaiting,
            Long daysToResponse, String notes, List<HistoryEntry> history, List<Reflection> reflections) {

        static Detail of(AttemptBoard.Listed row, LocalDate today, List<HistoryEntry> history,
                List<Reflection> reflections) {
            return new Detail(row.attemptId(), row.category(), row.target(), row.title(), row.status(), row.stage(),
                    row.sentOn(), row.expectedResponseBy(), row.outcomeOn(), waitingDays(row, today),
                    responseDays(row), row.notes(), history, reflections);
        }
    }

    /** A waiting attempt due a nudge since {@code dueOn}. */
    record Reminder(UUID attemptId, Category category, String target, String title, LocalDate sentOn,
            LocalDate dueOn) {
    }

    /** The JSON of {@code GET /api/me/reminders}. */
    record Reminders(List<Reminder> reminders) {
    }

    private static Long waitingDays(AttemptBoard.Listed row, LocalDate today) {
        return row.status() == AttemptStatus.WAITING ? ChronoUnit.DAYS.between(row.sentOn(), today) : null;
    }

    private static Long responseDays(AttemptBoard.Listed row) {
        boolean answered = row.status() == AttemptStatus.REJECTED || row.status() == AttemptStatus.ACCEPTED;
        return answered && row.outcomeOn() != null ? ChronoUnit.DAYS.between(row.sentOn(), row.outcomeOn()) : null;
    }
}
