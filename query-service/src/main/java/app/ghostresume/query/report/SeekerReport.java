package app.ghostresume.query.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.events.GoalPeriod;
import app.ghostresume.events.Personal;
import app.ghostresume.events.ShareAudience;
import app.ghostresume.events.SupportKind;
import app.ghostresume.query.ghostresume.GhostResumeView;
import app.ghostresume.query.goal.Streaks;

/**
 * The JSON shape of {@code GET /api/me/reports/{period}}: a seeker's week, month or year as the events recorded up
 * to {@code asOf} tell it, beside the period before it. Every fact counts in the period of its own date (an attempt
 * on the day it was sent, an outcome on the day it came), whenever it was recorded; {@code asOf} decides which
 * facts are known at all.
 *
 * @param current  the period's figures
 * @param previous the same figures for the period of the same kind just before
 * @param stingChange the period's average sting less the previous period's ({@code null} unless both have one):
 *                    below zero, the nos stung less than before
 * @param reflections the reflections written in the period, oldest first
 * @param chapters    the ghost résumé's chapters closed in the period: each acceptance received in it, with the
 *                    rejections and ghostings since the previous acceptance in its category
 * @param shares      the rejections (and acceptances) shared in the period, with the support they got
 */
public record SeekerReport(Period period, Instant asOf, ZoneId timeZone, Figures current, Figures previous,
        Double stingChange, List<Reflection> reflections, List<GhostResumeView.Chapter> chapters,
        List<Share> shares) {

    /** A period: {@code 2025-11} is MONTH 2025-11-01 to 2025-11-30. */
    public record Period(String name, ReportPeriod.Kind kind, LocalDate start, LocalDate end) {

        static Period of(ReportPeriod period) {
            return new Period(period.name(), period.kind(), period.start(), period.end());
        }
    }

    /**
     * A period's figures.
     *
     * @param ofAttemptsSent what became of the attempts sent in the period, as known at {@code asOf}: a reply that
     *                       came after the period counts here, not in {@code totals}
     * @param rejectionsPerAcceptance the period's rejections over its acceptances ({@code null} without one)
     * @param cumulative  rejections and acceptances from the first up to the period's end: the critical mass of nos
     * @param activity    the activity streak at the period's end (or today, for a period not over yet)
     * @param goals       the goals that ran in the period, judged at its end
     */
    public record Figures(Period period, Counts totals, Outcomes ofAttemptsSent, List<WeekFigures> byWeek, List<CategoryFigures> byCategory,
            Double rejectionsPerAcceptance, Cumulative cumulative, ResponseTimes responseTimes, Sting sting,
            Streaks.Activity activity, List<GoalResult> goals, long reflectionsWritten, long chaptersClosed,
            long sharesMade, long supportReceived) {
    }

    /** How many attempts were sent, and how many of each outcome came. */
    public record Counts(long attempts, long rejections, long acceptances, long ghostings, long withdrawals) {
    }

    /** The attempts sent in a period by what they have come to. */
    public record Outcomes(long waiting, long rejected, long accepted, long ghosted, long withdrawn) {
    }

    /** An ISO week cut to the period, with its counts and the average sting of its rejections. */
    public record WeekFigures(String week, LocalDate start, LocalDate end, Counts counts, Double averageSting) {
    }

    public record CategoryFigures(Category category, Counts counts) {
    }

    public record Cumulative(long rejections, long acceptances, Double rejectionsPerAcceptance) {
    }

    /** Days from sending to the answer, of the answers that came in the period. */
    public record ResponseTimes(Spread all, Spread rejections, Spread acceptances) {
    }

    /** {@code responses} answers; fastest, median and slowest in days ({@code null} without any). */
    public record Spread(long responses, Long fastestDays, Double medianDays, Long slowestDays) {
    }

    /** The rejections of the period that were given a sting (1 to 5), and their average. */
    public record Sting(long rated, Double average) {
    }

    /**
     * A goal that ran in the period: its periods that overlap it, each with its count, target and status (MET,
     * MISSED, PAUSED, or OPEN while it runs), and the goal's streak and consistency score at the period's end.
     */
    public record GoalResult(UUID goalId, GoalMetric metric, Category category, GoalPeriod period,
            List<GoalPeriodResult> periods, long periodsMet, Streaks.Streak streak, int consistencyScore) {
    }

    public record GoalPeriodResult(LocalDate start, LocalDate end, long count, int target, String status) {
    }

    /** A reflection written in the period, on which attempt. */
    public record Reflection(UUID attemptId, String target, LocalDate recordedOn, String whatHappened,
            String whatILearned, String nextTime, Personal wasItPersonal) {
    }

    /** A share made in the period and the support it got, by kind. */
    public record Share(UUID shareId, UUID attemptId, AttemptStatus outcome, Category category, LocalDate sharedOn,
            ShareAudience audience, boolean anonymous, boolean withdrawn, long support,
            Map<SupportKind, Long> supportByKind) {
    }
}
