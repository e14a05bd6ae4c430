package app.ghostresume.query.insights;

import java.util.UUID;

import app.ghostresume.query.platform.ApiProblem;
import app.ghostresume.query.platform.CurrentSeeker;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/insights}: the latest community report ({@link InsightsCommand}), as stored, for every signed-in
 * seeker: counts over all history, each covering at least the privacy threshold of seekers. 404 before the first.
 */
@RestController
class InsightsController {

    private final JdbcClient jdbc;

    InsightsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/insights")
    ResponseEntity<String> latest(@CurrentSeeker UUID seekerId) {
        String report = jdbc.sql("SELECT report::text FROM community_insight ORDER BY computed_at DESC LIMIT 1")
                .query(String.class).optional()
                .orElseThrow(() -> ApiProblem.notFound("No community report has been computed yet."));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }
}
