package app.ghostresume.query.ghostresume;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;

/**
 * The JSON shapes of the ghost résumé: the seeker's own, with the attempts, and the public one under a handle,
 * with counts and categories only: no chapters, no targets or titles and no dates, since a chapter's dates could be
 * matched to an anonymous share of an acceptance and so unmask it.
 */
public final class GhostResumeView {

    private GhostResumeView() {
    }

    /** {@code GET /api/me/ghost-resume}. */
    public record Own(Double rejectionsPerAcceptance, Totals totals, List<CategorySummary> categories,
            List<Chapter> chapters) {
    }

    /** {@code GET /api/seekers/{handle}/ghost-resume}: counts and categories, nothing dated. */
    record Public(String handle, String displayName, Double rejectionsPerAcceptance, Totals totals,
            List<PublicCategorySummary> categories) {
    }

    public record Totals(long acceptances, long rejections, long ghostings) {
    }

    /** One category's figures and its open chapter: what came after its last acceptance ({@code null}: nothing). */
    public record CategorySummary(Category category, long acceptances, long rejections, long ghostings,
            Double rejectionsPerAcceptance, OpenChapter openChapter) {
    }

    /** One category's figures in the public ghost résumé, without its chapters. */
    record PublicCategorySummary(Category category, long acceptances, long rejections, long ghostings,
            Double rejectionsPerAcceptance) {
    }

    /** An acceptance and the rejections and ghostings since the previous acceptance in its category. */
    public record Chapter(Category category, Acceptance acceptance, long rejections, long ghostings, LocalDate firstOn,
            LocalDate lastOn, List<Entry> attempts) {
    }

    public record OpenChapter(Category category, long rejections, long ghostings, LocalDate firstOn, LocalDate lastOn,
            List<Entry> attempts) {
    }

    public record Acceptance(UUID attemptId, String target, String title, LocalDate acceptedOn) {
    }

    /** A rejection or ghosting in a chapter. */
    public record Entry(UUID attemptId, String target, String title, AttemptStatus status, LocalDate decidedOn) {
    }
}
