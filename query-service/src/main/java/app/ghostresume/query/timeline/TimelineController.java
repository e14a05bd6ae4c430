package app.ghostresume.query.timeline;

import java.util.UUID;

import app.ghostresume.query.platform.CurrentSeeker;
import app.ghostresume.query.platform.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me/timeline}: the caller's events, newest first. */
@RestController
class TimelineController {

    private final Timeline timeline;

    TimelineController(Timeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping("/api/me/timeline")
    Page<Timeline.TimelineItem> timeline(@CurrentSeeker UUID seekerId,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor) {
        return timeline.page(seekerId, limit, cursor);
    }
}
