package app.ghostresume.query.ghostresume;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.query.ghostresume.GhostResumeView.Acceptance;
import app.ghostresume.query.ghostresume.GhostResumeView.CategorySummary;
import app.ghostresume.query.ghostresume.GhostResumeView.Chapter;
import app.ghostresume.query.ghostresume.GhostResumeView.Entry;
import app.ghostresume.query.ghostresume.GhostResumeView.OpenChapter;
import app.ghostresume.query.ghostresume.GhostResumeView.Totals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the ghost résumé from {@code attempt_board} as it stands (one query on the board's outcome index). Only
 * decided attempts count: rejected, accepted, ghosted (withdrawn and waiting ones do not). In each category they
 * are taken in the order decided: by outcome date, on one date rejections and ghostings before acceptances, then
 * by the date sent, then by id. Every acceptance closes a chapter of the rejections and ghostings since the
 * previous one; what follows the last acceptance (everything, without one) is the category's open chapter.
 */
@Component
class GhostResumes {

    private final JdbcClient jdbc;

    GhostResumes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    GhostResumeView.Own own(UUID seekerId) {
        List<Decided> decided = jdbc.sql("""
                SELECT attempt_id, category, target, title, status, sent_on, outcome_on
                FROM attempt_board
                WHERE seeker_id = :seekerId AND status IN ('REJECTED', 'ACCEPTED', 'GHOSTED')
                ORDER BY category, outcome_on, status = 'ACCEPTED', sent_on, attempt_id
                """)
                .param("seekerId", seekerId)
                .query((rs, row) -> new Decided(rs.getObject("attempt_id", UUID.class),
                        Category.valueOf(rs.getString("category")), rs.getString("target"), rs.getString("title"),
                        AttemptStatus.valueOf(rs.getString("status")),
                        rs.getObject("sent_on", LocalDate.class),
                        rs.getObject("outcome_on", LocalDate.class)))
                .list();
        Map<Category, List<Decided>> byCategory = new EnumMap<>(Category.class);
        decided.forEach(attempt -> byCategory.computeIfAbsent(attempt.category(), c -> new ArrayList<>()).add(attempt));

        List<Chapter> chapters = new ArrayList<>();
        List<CategorySummary> categories = new ArrayList<>();
        long acceptances = 0;
        long rejections = 0;
        long ghostings = 0;
        for (Map.Entry<Category, List<Decided>> category : byCategory.entrySet()) {
            List<Entry> since = new ArrayList<>();
            long categoryAcceptances = 0;
            for (Decided attempt : category.getValue()) {
                if (attempt.status() == AttemptStatus.ACCEPTED) {
                    chapters.add(new Chapter(category.getKey(), new Acceptance(attempt.attemptId(), attempt.target(),
                            attempt.title(), attempt.outcomeOn()), count(since, AttemptStatus.REJECTED),
                            count(since, AttemptStatus.GHOSTED), firstOn(since), lastOn(since), List.copyOf(since)));
                    categoryAcceptances++;
                    since.clear();
                }
                else {
                    since.add(new Entry(attempt.attemptId(), attempt.target(), attempt.title(), attempt.status(),
                            attempt.outcomeOn()));
                }
            }
            long categoryRejections = category.getValue().stream()
                    .filter(attempt -> attempt.status() == AttemptStatus.REJECTED).count();
            long categoryGhostings = category.getValue().stream()
                    .filter(attempt -> attempt.status() == AttemptStatus.GHOSTED).count();
            OpenChapter open = since.isEmpty() ? null
                    : new OpenChapter(category.getKey(), count(since, AttemptStatus.REJECTED),
                            count(since, AttemptStatus.GHOSTED), firstOn(since), lastOn(since), List.copyOf(since));
            categories.add(new CategorySummary(category.getKey(), categoryAcceptances, categoryRejections,
                    categoryGhostings, ratio(categoryRejections, categoryAcceptances), open));
            acceptances += categoryAcceptances;
            rejections += categoryRejections;
            ghostings += categoryGhostings;
        }
        // acceptances in the order decided across categories; equal keys by the day sent and id, as within one
        Map<UUID, Decided> attempts = new HashMap<>();
        decided.forEach(attempt -> attempts.put(attempt.attemptId(), attempt));
        chapters.sort(Comparator.comparing((Chapter chapter) -> chapter.acceptance().acceptedOn())
                .thenComparing(chapter -> attempts.get(chapter.acceptance().attemptId()).sentOn())
                .thenComparing(chapter -> chapter.acceptance().attemptId().toString()));
        return new GhostResumeView.Own(ratio(rejections, acceptances), new Totals(acceptances, rejections, ghostings),
                categories, chapters);
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

    private static long count(List<Entry> entries, AttemptStatus status) {
        return entries.stream().filter(entry -> entry.status() == status).count();
    }

    private static LocalDate firstOn(List<Entry> entries) {
        return entries.isEmpty() ? null : entries.get(0).decidedOn();
    }

    private static LocalDate lastOn(List<Entry> entries) {
        return entries.isEmpty() ? null : entries.get(entries.size() - 1).decidedOn();
    }

    private static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP)
                        .doubleValue();
    }

    private record Decided(UUID attemptId, Category category, String target, String title, AttemptStatus status,
            LocalDate sentOn, LocalDate outcomeOn) {
    }

    private record Seeker(UUID seekerId, String handle, String displayName) {
    }
}
