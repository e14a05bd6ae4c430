package app.ghostresume.query.board;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.query.reflection.Reflections;
import app.ghostresume.query.seeker.SeekerDirectory;
import app.ghostresume.query.platform.ApiProblem;
import app.ghostresume.query.platform.CurrentSeeker;
import app.ghostresume.query.platform.Page;
import app.ghostresume.query.timeline.Timeline;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me/attempts} and {@code GET /api/me/attempts/{attemptId}}: the caller's attempt board. */
@RestController
class AttemptController {

    private final AttemptBoard board;
    private final Timeline timeline;
    private final SeekerDirectory seekers;
    private final Reflections reflections;

    AttemptController(AttemptBoard board, Timeline timeline, SeekerDirectory seekers, Reflections reflections) {
        this.board = board;
        this.timeline = timeline;
        this.seekers = seekers;
        this.reflections = reflections;
    }

    @GetMapping("/api/me/attempts")
    Page<AttemptView.Item> attempts(@CurrentSeeker UUID seekerId,
            @RequestParam(required = false) AttemptStatus status,
            @RequestParam(required = false) Category category,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor) {
        AttemptBoard.Position after = cursor == null ? null : AttemptBoard.Position.fromCursor(cursor);
        List<AttemptBoard.Listed> rows = board.page(seekerId, status, category, limit, after);
        LocalDate today = seekers.todayFor(seekerId);
        List<AttemptView.Item> items = rows.stream().limit(limit).map(row -> AttemptView.Item.of(row, today)).toList();
        String nextCursor = rows.size() > limit ? rows.get(limit - 1).position().toCursor() : null;
        return new Page<>(items, nextCursor);
    }

    @GetMapping("/api/me/attempts/{attemptId}")
    AttemptView.Detail attempt(@CurrentSeeker UUID seekerId, @PathVariable String attemptId) {
        UUID id = parse(attemptId);
        AttemptBoard.Listed row = board.find(seekerId, id).orElseThrow(() -> notFound(attemptId));
        return AttemptView.Detail.of(row, seekers.todayFor(seekerId), timeline.historyOf(seekerId, id.toString()),
                reflections.ofAttempt(seekerId, id));
    }

    /** Not a UUID, another seeker's or unknown: all look the same from outside. */
    private static UUID parse(String attemptId) {
        try {
            return UUID.fromString(attemptId);
        }
        catch (IllegalArgumentException ex) {
            throw notFound(attemptId);
        }
    }

    private static ApiProblem notFound(String attemptId) {
        return ApiProblem.notFound("No attempt " + attemptId + ".");
    }
}
