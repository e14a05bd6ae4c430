package app.ghostresume.query.share;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/operator/shares}: the shares hidden after reports that await an operator's review, longest
 * waiting first (those hidden before the time was kept, first of all), withdrawn ones too (reviewed, their attempt
 * may be shared anew), each with what it shows and its reports (reasons, whether each counted, their day), never who
 * wrote or reported it. Only tokens with the {@code operator} scope reach it; the review itself is a command.
 */
@RestController
@Validated
class ReviewQueueController {

    private final JdbcClient jdbc;

    ReviewQueueController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/operator/shares")
    Queue pending(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        List<Pending> items = jdbc.sql("""
                SELECT s.share_id, s.outcome, s.category, s.stage_reached, s.sting, s.story, s.anonymous, s.audience,
                       s.challenge_id, NOT s.active AS withdrawn, s.hidden_at,
                       array_agg(r.reason ORDER BY r.reported_at, r.reason) AS reasons,
                       array_agg(r.counted ORDER BY r.reported_at, r.reason) AS counted,
                       array_agg(r.reported_at::date::text ORDER BY r.reported_at, r.reason) AS reported_on
                FROM share s
                LEFT JOIN share_report r ON r.share_id = s.share_id
                WHERE s.moderation = 'PENDING'
                GROUP BY s.share_id
                ORDER BY s.hidden_at NULLS FIRST, s.share_id
                LIMIT :limit
                """)
                .param("limit", limit)
                .query((rs, row) -> {
                    List<Report> reports = new ArrayList<>();
                    Object[] reasons = (Object[]) rs.getArray("reasons").getArray();
                    Object[] counted = (Object[]) rs.getArray("counted").getArray();
                    Object[] reportedOn = (Object[]) rs.getArray("reported_on").getArray();
                    for (int i = 0; i < reasons.length; i++) {
                        if (reasons[i] != null) {
                            reports.add(new Report((String) reasons[i], (Boolean) counted[i], (String) reportedOn[i]));
                        }
                    }
                    return new Pending(rs.getObject("share_id", UUID.class), rs.getString("outcome"),
                            rs.getString("category"), rs.getString("stage_reached"),
                            rs.getObject("sting", Integer.class), rs.getString("story"), rs.getBoolean("anonymous"),
                            rs.getString("audience"), rs.getObject("challenge_id", UUID.class),
                            rs.getBoolean("withdrawn"), rs.getTimestamp("hidden_at") == null ? null : rs.getTimestamp("hidden_at").toInstant(),
                            reports);
                })
                .list();
        return new Queue(items);
    }

    record Queue(List<Pending> items) {
    }

    record Pending(UUID shareId, String outcome, String category, String stageReached, Integer sting, String story,
            boolean anonymous, String audience, UUID challengeId, boolean withdrawn, Instant hiddenAt,
            List<Report> reports) {
    }

    record Report(String reason, boolean counted, String reportedOn) {
    }
}
