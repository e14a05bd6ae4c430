package app.ghostresume.query.goal;

import java.util.UUID;

import app.ghostresume.query.platform.CurrentSeeker;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me/goals[?includeRetired=true]}: the caller's goals with their current period, ended periods,
 * streak and consistency score; {@code GET /api/me/streaks}: the activity streak and each pursued goal's streak.
 */
@RestController
class GoalController {

    private final Goals goals;

    GoalController(Goals goals) {
        this.goals = goals;
    }

    @GetMapping("/api/me/goals")
    GoalView.Goals goals(@CurrentSeeker UUID seekerId,
            @RequestParam(defaultValue = "false") boolean includeRetired) {
        return new GoalView.Goals(goals.of(seekerId, includeRetired));
    }

    @GetMapping("/api/me/streaks")
    GoalView.StreakReport streaks(@CurrentSeeker UUID seekerId) {
        return new GoalView.StreakReport(goals.activity(seekerId),
                goals.of(seekerId, false).stream().map(GoalView.GoalStreak::of).toList());
    }
}
