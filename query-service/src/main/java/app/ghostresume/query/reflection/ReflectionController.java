package app.ghostresume.query.reflection;

import java.util.UUID;

import app.ghostresume.query.platform.CurrentSeeker;
import app.ghostresume.query.platform.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me/reflections}: the caller's reflections, newest first; {@code GET /api/me/resilience}: their
 * rejections, stings and reflections by month, by category and overall.
 */
@RestController
class ReflectionController {

    private final Reflections reflections;
    private final Resilience resilience;

    ReflectionController(Reflections reflections, Resilience resilience) {
        this.reflections = reflections;
        this.resilience = resilience;
    }

    @GetMapping("/api/me/reflections")
    Page<Reflections.Item> reflections(@CurrentSeeker UUID seekerId,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor) {
        return reflections.page(seekerId, limit, cursor);
    }

    @GetMapping("/api/me/resilience")
    Resilience.Report resilience(@CurrentSeeker UUID seekerId) {
        return resilience.report(seekerId);
    }
}
