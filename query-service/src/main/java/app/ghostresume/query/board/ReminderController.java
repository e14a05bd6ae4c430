package app.ghostresume.query.board;

import java.util.UUID;

import app.ghostresume.query.platform.CurrentSeeker;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me/reminders}: the caller's open follow-up reminders, oldest due first. A FollowUpDue opens one;
 * following up or any outcome closes it.
 */
@RestController
class ReminderController {

    private final AttemptBoard board;

    ReminderController(AttemptBoard board) {
        this.board = board;
    }

    @GetMapping("/api/me/reminders")
    AttemptView.Reminders reminders(@CurrentSeeker UUID seekerId) {
        return new AttemptView.Reminders(board.openReminders(seekerId));
    }
}
