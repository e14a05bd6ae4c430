package app.ghostresume.query.ghostresume;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;

/**
 * The JSON shapes of the ghost résumé: the seeker's own, with the attempts, and the public one under a handle,
 * with counts, categories and dates only.
 */
final class GhostResumeView {

    private GhostResumeView() {
    }

    /** {@code GET /api/me/ghost-resume}. */
    record Own(Double rejectionsPerAcceptance, Totals totals, List<CategorySummary> categories,
            List<Chapter> chapters) {
    }

    /** {@code GET /api/seekers/{handle}/ghost-resume}. */
    record Public(String handle, String displayName, Double rejectionsPerAcceptance, Totals totals,
            List<PublicCategorySummary> categories, List<PublicChapter> chapters) {
    }

    record Totals(long acceptances, long rejections, long ghostings) {
    }

    /** One category's figures and its open chapter: what came after its last acceptance ({@code null}: nothing). */
    record CategorySummary(Category category, long acceptances, long rejections, long ghostings,
            Double rejectionsPerAcceptance, OpenChapter openChapter) {
    }

    record PublicCategorySummary(Category category, long acceptances, long rejections, long ghostings,
            Double rejectionsPerAcceptance, PublicOpenChapter openChapter) {
    }

    /** An acceptance and the rejections and ghostings since the previous acceptance in its category. */
    record Chapter(Category category, Acceptance acceptance, long rejections, long ghostings, LocalDate firstOn,
            LocalDate lastOn, List<Entry> attempts) {
    }

    record PublicChapter(Category category, PublicAcceptance acceptance, long rejections, long ghostings,
            LocalDate firstOn, LocalDate lastOn) {
    }

    record OpenChapter(Category category, long rejections, long ghostings, LocalDate firstOn, LocalDate lastOn,
            List<Entry> attempts) {
    }

    record PublicOpenChapter(Category category, long rejections, long ghostings, LocalDate firstOn,
            LocalDate lastOn) {
    }

    record Acceptance(UUID attemptId, String target, String title, LocalDate acceptedOn) {
    }

    record PublicAcceptance(LocalDate acceptedOn) {
    }

    /** A rejection or ghosting in a chapter. */
    record Entry(UUID attemptId, String target, String title, AttemptStatus status, LocalDate decidedOn) {
    }
}
