package app.ghostresume.query.goal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import app.ghostresume.query.platform.ApiProblem;
import app.ghostresume.query.platform.CurrentSeeker;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me/goals[?includeRetired=true]}: the caller's goals with their current period, ended periods,
 * streak and consistency score; {@code GET /api/me/streaks}: the activity streak and each pursued goal's streak;
 * {@code GET /api/me/activity?from=&to=}: the active days of a window (the last year by default, at most 400 days),
 * for a calendar of them.
 */
@RestController
class GoalController {

    /** The longest window {@code /api/me/activity} answers for: a year's calendar and then some. */
    static final long MOST_DAYS = 400;

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

    @GetMapping("/api/me/activity")
    GoalView.Activity activity(@CurrentSeeker UUID seekerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate end = to != null ? to : goals.todayFor(seekerId);
        LocalDate start = from != null ? from : end.minusDays(364);
        if (start.isAfter(end)) {
            throw ApiProblem.invalid("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MOST_DAYS) {
            throw ApiProblem.invalid("to", "at most " + MOST_DAYS + " days after from");
        }
        return new GoalView.Activity(start, end, goals.activeDays(seekerId, start, end));
    }
}
