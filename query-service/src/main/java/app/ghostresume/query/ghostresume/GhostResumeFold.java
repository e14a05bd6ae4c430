package app.ghostresume.query.ghostresume;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.query.platform.Ratio;

/**
 * The ghost résumé's one rule, over decided attempts however they were read (the board's rows, or a report's
 * replay). Only decided attempts count: rejected, accepted, ghosted (withdrawn and waiting ones do not). In each
 * category they are taken in the order decided: by outcome date, on one date rejections and ghostings before
 * acceptances, then by the date sent, then by id. Every acceptance closes a chapter of the rejections and
 * ghostings since the previous one; what follows the last acceptance (everything, without one) is the category's
 * open chapter.
 */
public final class GhostResumeFold {

    /** The order decided inside a category; ids compare as PostgreSQL compares them, byte by byte. */
    private static final Comparator<Decided> ORDER_DECIDED = Comparator.comparing(Decided::outcomeOn)
            .thenComparing(attempt -> attempt.status() == AttemptStatus.ACCEPTED)
            .thenComparing(Decided::sentOn)
            .thenComparing(attempt -> attempt.attemptId().toString());

    private GhostResumeFold() {
    }

    /** The seeker's own ghost résumé from their attempts; those not decided are passed over. */
    public static GhostResumeView.Own of(Collection<Decided> candidates) {
        List<Decided> decided = candidates.stream()
                .filter(attempt -> attempt.status() == AttemptStatus.REJECTED
                        || attempt.status() == AttemptStatus.ACCEPTED || attempt.status() == AttemptStatus.GHOSTED)
                .filter(attempt -> attempt.category() != null && attempt.outcomeOn() != null)
                .toList();
        List<Decided> sorted = decided.stream().sorted(ORDER_DECIDED).toList();
        Map<Category, List<Decided>> byCategory = new EnumMap<>(Category.class);
        sorted.forEach(attempt -> byCategory.computeIfAbsent(attempt.category(), c -> new ArrayList<>()).add(attempt));

        List<GhostResumeView.Chapter> chapters = new ArrayList<>();
        List<GhostResumeView.CategorySummary> categories = new ArrayList<>();
        long acceptances = 0;
        long rejections = 0;
        long ghostings = 0;
        for (Map.Entry<Category, List<Decided>> category : byCategory.entrySet()) {
            List<GhostResumeView.Entry> since = new ArrayList<>();
            long categoryAcceptances = 0;
            for (Decided attempt : category.getValue()) {
                if (attempt.status() == AttemptStatus.ACCEPTED) {
                    chapters.add(new GhostResumeView.Chapter(category.getKey(), new GhostResumeView.Acceptance(attempt.attemptId(), attempt.target(),
                            attempt.title(), attempt.outcomeOn()), count(since, AttemptStatus.REJECTED),
                            count(since, AttemptStatus.GHOSTED), firstOn(since), lastOn(since), List.copyOf(since)));
                    categoryAcceptances++;
                    since.clear();
                }
                else {
                    since.add(new GhostResumeView.Entry(attempt.attemptId(), attempt.target(), attempt.title(), attempt.status(),
                            attempt.outcomeOn()));
                }
            }
            long categoryRejections = category.getValue().stream()
                    .filter(attempt -> attempt.status() == AttemptStatus.REJECTED).count();
            long categoryGhostings = category.getValue().stream()
                    .filter(attempt -> attempt.status() == AttemptStatus.GHOSTED).count();
            GhostResumeView.OpenChapter open = since.isEmpty() ? null
                    : new GhostResumeView.OpenChapter(category.getKey(), count(since, AttemptStatus.REJECTED),
                            count(since, AttemptStatus.GHOSTED), firstOn(since), lastOn(since), List.copyOf(since));
            categories.add(new GhostResumeView.CategorySummary(category.getKey(), categoryAcceptances,
                    categoryRejections, categoryGhostings, Ratio.of(categoryRejections, categoryAcceptances), open));
            acceptances += categoryAcceptances;
            rejections += categoryRejections;
            ghostings += categoryGhostings;
        }
        // acceptances in the order decided across categories; equal keys by the day sent and id, as within one
        Map<UUID, Decided> attempts = new HashMap<>();
        decided.forEach(attempt -> attempts.put(attempt.attemptId(), attempt));
        chapters.sort(Comparator.comparing((GhostResumeView.Chapter chapter) -> chapter.acceptance().acceptedOn())
                .thenComparing(chapter -> attempts.get(chapter.acceptance().attemptId()).sentOn())
                .thenComparing(chapter -> chapter.acceptance().attemptId().toString()));
        return new GhostResumeView.Own(Ratio.of(rejections, acceptances),
                new GhostResumeView.Totals(acceptances, rejections, ghostings), categories, chapters);
    }

    private static long count(List<GhostResumeView.Entry> entries, AttemptStatus status) {
        return entries.stream().filter(entry -> entry.status() == status).count();
    }

    private static LocalDate firstOn(List<GhostResumeView.Entry> entries) {
        return entries.isEmpty() ? null : entries.get(0).decidedOn();
    }

    private static LocalDate lastOn(List<GhostResumeView.Entry> entries) {
        return entries.isEmpty() ? null : entries.get(entries.size() - 1).decidedOn();
    }


    /** An attempt as the ghost résumé sees it. */
    public record Decided(UUID attemptId, Category category, String target, String title, AttemptStatus status,
            LocalDate sentOn, LocalDate outcomeOn) {
    }
}
