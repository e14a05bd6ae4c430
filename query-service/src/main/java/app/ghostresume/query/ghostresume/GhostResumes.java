package app.ghostresume.query.ghostresume;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the ghost résumé from {@code attempt_board} as it stands (one query on the board's outcome index), by the
 * ghost résumé's one rule ({@link GhostResumeFold}): every acceptance closes a chapter of the rejections and
 * ghostings since the previous one in its category.
 */
@Component
class GhostResumes {

    private final JdbcClient jdbc;

    GhostResumes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    GhostResumeView.Own own(UUID seekerId) {
        List<GhostResumeFold.Decided> decided = jdbc.sql("""
                SELECT attempt_id, category, target, title, status, sent_on, outcome_on
                FROM attempt_board
                WHERE seeker_id = :seekerId AND status IN ('REJECTED', 'ACCEPTED', 'GHOSTED')
                """)
                .param("seekerId", seekerId)
                .query((rs, row) -> new GhostResumeFold.Decided(rs.getObject("attempt_id", UUID.class),
                        Category.valueOf(rs.getString("category")), rs.getString("target"), rs.getString("title"),
                        AttemptStatus.valueOf(rs.getString("status")),
                        rs.getObject("sent_on", LocalDate.class),
                        rs.getObject("outcome_on", LocalDate.class)))
                .list();
        return GhostResumeFold.of(decided);
    }

    /**
     * The seeker's ghost résumé as counts per category and in total, if they made it public; by handle, any case.
     * Nothing of it is dated and it has no chapters: an anonymous share of an acceptance shows its week and the
     * rejections behind it, which a dated chapter would tie to its author.
     */
    Optional<GhostResumeView.Public> published(String handle) {
        return jdbc.sql("""
                SELECT seeker_id, handle, display_name FROM seeker
                WHERE lower(handle) = lower(:handle) AND public_ghost_resume
                """)
                .param("handle", handle)
                .query((rs, row) -> new Seeker(rs.getObject("seeker_id", UUID.class), rs.getString("handle"),
                        rs.getString("display_name")))
                .optional()
                .map(seeker -> {
                    GhostResumeView.Own own = own(seeker.seekerId());
                    return new GhostResumeView.Public(seeker.handle(), seeker.displayName(),
                            own.rejectionsPerAcceptance(), own.totals(),
                            own.categories().stream().map(category -> new GhostResumeView.PublicCategorySummary(
                                    category.category(), category.acceptances(), category.rejections(),
                                    category.ghostings(), category.rejectionsPerAcceptance())).toList());
                });
    }

    private record Seeker(UUID seekerId, String handle, String displayName) {
    }
}
