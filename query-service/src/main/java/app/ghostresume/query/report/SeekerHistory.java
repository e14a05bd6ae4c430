package app.ghostresume.query.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.ReflectionRecorded;
import app.ghostresume.events.RejectionShared;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.events.ShareWithdrawn;
import app.ghostresume.events.SupportOffered;
import app.ghostresume.events.SupportWithdrawn;
import app.ghostresume.query.board.BoardFold;
import app.ghostresume.query.board.BoardRow;
import app.ghostresume.query.board.CountedFact;
import app.ghostresume.query.board.FactIndex;
import app.ghostresume.query.ghostresume.GhostResumeFold;
import app.ghostresume.query.ghostresume.GhostResumeView;
import app.ghostresume.query.goal.GoalReplay;
import app.ghostresume.query.goal.GoalView;
import app.ghostresume.query.goal.Streaks;
import app.ghostresume.query.pause.PauseFold;
import app.ghostresume.query.pause.PausedDays;
import app.ghostresume.query.platform.Ratio;

/**
 * A seeker's history as their events, replayed in the order recorded, leave it: the attempts folded by the live
 * board's own fold ({@link BoardFold}), their counted facts, the goals ({@link GoalReplay}), pauses, reflections,
 * shares and the support others gave them. From it, {@link #report} writes any period's report, judged by the same
 * rules as the live pages (goal calendar, streaks, consistency score, ghost résumé); nothing here reads a read model.
 */
final class SeekerHistory {

    private final List<EventEnvelope> events;
    private final ZoneId timeZone;
    private final Map<UUID, BoardRow> attempts;
    private final List<CountedFact> facts;
    private final FactIndex index;
    private final PausedDays paused;
    private final List<ReflectionRecorded> reflections = new ArrayList<>();
    private final Map<UUID, ShareState> shares = new LinkedHashMap<>();
    private final GhostResumeView.Own ghostResume;

    /**
     * @param own      the seeker's own events, in the order recorded
     * @param onShares the events others recorded on the seeker's shares (support and its withdrawal), in order
     */
    private SeekerHistory(List<EventEnvelope> own, List<EventEnvelope> onShares) {
        this.events = own;
        ZoneId zone = ZoneOffset.UTC;
        PauseFold pauses = new PauseFold();
        for (EventEnvelope event : own) {
            pauses.accept(event);
            if (event.payload() instanceof SeekerRegistered registered && registered.timeZone() != null) {
                zone = registered.timeZone();
            }
            else if (event.payload() instanceof ReflectionRecorded reflection && reflection.recordedOn() != null) {
                reflections.add(reflection);
            }
            else if (event.payload() instanceof RejectionShared shared) {
                shares.putIfAbsent(shared.shareId(), new ShareState(shared));
            }
            else if (event.payload() instanceof ShareWithdrawn withdrawn && shares.containsKey(withdrawn.shareId())) {
                shares.get(withdrawn.shareId()).withdrawn = true;
            }
        }
        for (EventEnvelope event : onShares) {
            if (event.payload() instanceof SupportOffered offered && shares.containsKey(offered.shareId())) {
                shares.get(offered.shareId()).support.offered(offered.seekerId(), offered.kind());
            }
            else if (event.payload() instanceof SupportWithdrawn withdrawn && shares.containsKey(withdrawn.shareId())) {
                shares.get(withdrawn.shareId()).support.withdrawn(withdrawn.seekerId(), withdrawn.kind());
            }
        }
        // a withdrawn share's support is gone with it, as on the live pages
        shares.values().stream().filter(share -> share.withdrawn).forEach(share -> share.support.clear());
        this.timeZone = zone;
        this.paused = pauses.pausedDays();
        this.attempts = BoardFold.replay(own);
        this.facts = attempts.values().stream().flatMap(row -> row.countedFacts().stream()).toList();
        this.index = new FactIndex(facts);
        this.ghostResume = GhostResumeFold.of(attempts.values().stream()
                .map(row -> new GhostResumeFold.Decided(row.attemptId(), row.category(), row.target(), row.title(),
                        row.status(), row.sentOn(), row.outcomeOn()))
                .toList());
    }

    static SeekerHistory replay(List<EventEnvelope> own, List<EventEnvelope> onShares) {
        return new SeekerHistory(own, onShares);
    }

    /** The ids of the seeker's shares, whose support others recorded. */
    static Set<UUID> sharesIn(List<EventEnvelope> own) {
        Set<UUID> ids = new HashSet<>();
        own.forEach(event -> {
            if (event.payload() instanceof RejectionShared shared) {
                ids.add(shared.shareId());
            }
        });
        return ids;
    }

    /** Whether nothing at all was recorded for the seeker. */
    boolean isEmpty() {
        return events.isEmpty();
    }

    ZoneId timeZone() {
        return timeZone;
    }

    /** The seeker's day at {@code instant}. */
    LocalDate dayAt(Instant instant) {
        return LocalDate.ofInstant(instant, timeZone);
    }

    /** The attempts as known, in the order logged. */
    Collection<BoardRow> attempts() {
        return attempts.values();
    }

    /** The report of {@code period} as known at {@code asOf}, beside the period before it. */
    SeekerReport report(ReportPeriod period, Instant asOf) {
        LocalDate today = dayAt(asOf);
        SeekerReport.Figures current = figures(period, today);
        SeekerReport.Figures previous = figures(period.previous(), today);
        Double stingChange = current.sting().average() == null || previous.sting().average() == null ? null
                : round(current.sting().average() - previous.sting().average());
        List<SeekerReport.Reflection> written = reflections.stream()
                .filter(reflection -> period.contains(reflection.recordedOn()))
                .sorted(Comparator.comparing(ReflectionRecorded::recordedOn))
                .map(reflection -> new SeekerReport.Reflection(reflection.attemptId(),
                        attempts.containsKey(reflection.attemptId()) ? attempts.get(reflection.attemptId()).target()
                                : null,
                        reflection.recordedOn(), reflection.whatHappened(), reflection.whatILearned(),
                        reflection.nextTime(), reflection.wasItPersonal()))
                .toList();
        List<SeekerReport.Share> shared = shares.values().stream()
                .filter(share -> period.contains(share.shared.sharedOn()))
                .map(ShareState::view)
                .toList();
        return new SeekerReport(SeekerReport.Period.of(period), asOf, timeZone, current, previous, stingChange, written,
                chaptersClosedIn(period), shared);
    }

    /**
     * A period's figures, judged at its end: the facts up to its last day (or today, if it is not over), the goals
     * and streaks as they stood the day after it.
     */
    private SeekerReport.Figures figures(ReportPeriod period, LocalDate today) {
        LocalDate lastDay = period.end().isBefore(today) ? period.end() : today;
        LocalDate judgedOn = period.end().isBefore(today) ? period.end().plusDays(1) : today;
        List<CountedFact> inPeriod = facts.stream().filter(fact -> period.contains(fact.day())).toList();
        Map<Category, List<CountedFact>> byCategory = new EnumMap<>(Category.class);
        inPeriod.forEach(fact -> {
            if (fact.category() != null) {
                byCategory.computeIfAbsent(fact.category(), c -> new ArrayList<>()).add(fact);
            }
        });
        List<BoardRow> rejected = attempts.values().stream()
                .filter(row -> row.status() == AttemptStatus.REJECTED && period.contains(row.outcomeOn())).toList();
        List<SeekerReport.WeekFigures> weeks = period.weeks().stream()
                .map(week -> new SeekerReport.WeekFigures(week.name(), week.start(), week.end(),
                        counts(inPeriod.stream().filter(fact -> week.contains(fact.day())).toList()),
                        sting(rejected.stream().filter(row -> week.contains(row.outcomeOn())).toList()).average()))
                .toList();
        SeekerReport.Counts totals = counts(inPeriod);
        long rejectionsToEnd = index.count(CountedFact.Fact.REJECTED, null, LocalDate.MIN, period.end());
        long acceptancesToEnd = index.count(CountedFact.Fact.ACCEPTED, null, LocalDate.MIN, period.end());
        List<GoalView.Goal> judged = GoalReplay.judge(events,
                (metric, category, range) -> index.count(metric, category, range, lastDay), paused, judgedOn);
        Streaks.Activity activity = Streaks.ofActivity(activeDays(lastDay), paused, judgedOn);
        long support = shares.values().stream().filter(share -> period.contains(share.shared.sharedOn()))
                .mapToLong(share -> share.support.total()).sum();
        return new SeekerReport.Figures(SeekerReport.Period.of(period), totals, outcomesOfAttemptsSentIn(period), weeks,
                byCategory.entrySet().stream()
                        .map(entry -> new SeekerReport.CategoryFigures(entry.getKey(), counts(entry.getValue())))
                        .toList(),
                Ratio.of(totals.rejections(), totals.acceptances()),
                new SeekerReport.Cumulative(rejectionsToEnd, acceptancesToEnd,
                        Ratio.of(rejectionsToEnd, acceptancesToEnd)),
                responseTimes(period), sting(rejected), activity,
                judged.stream().filter(goal -> ranIn(goal, period)).map(goal -> result(goal, period)).toList(),
                reflections.stream().filter(reflection -> period.contains(reflection.recordedOn())).count(),
                chaptersClosedIn(period).size(),
                shares.values().stream().filter(share -> period.contains(share.shared.sharedOn())).count(), support);
    }

    private SeekerReport.Outcomes outcomesOfAttemptsSentIn(ReportPeriod period) {
        long[] counts = new long[AttemptStatus.values().length];
        attempts.values().stream().filter(row -> period.contains(row.sentOn()))
                .forEach(row -> counts[row.status().ordinal()]++);
        return new SeekerReport.Outcomes(counts[AttemptStatus.WAITING.ordinal()],
                counts[AttemptStatus.REJECTED.ordinal()], counts[AttemptStatus.ACCEPTED.ordinal()],
                counts[AttemptStatus.GHOSTED.ordinal()], counts[AttemptStatus.WITHDRAWN.ordinal()]);
    }

    /** Days with an attempt sent, a rejection, an acceptance or a ghosting the seeker declared, up to {@code last}. */
    private NavigableSet<LocalDate> activeDays(LocalDate last) {
        NavigableSet<LocalDate> days = new TreeSet<>();
        for (BoardRow row : attempts.values()) {
            for (LocalDate day : row.activeDays()) {
                if (!day.isAfter(last)) {
                    days.add(day);
                }
            }
        }
        return days;
    }

    private List<GhostResumeView.Chapter> chaptersClosedIn(ReportPeriod period) {
        return ghostResume.chapters().stream().filter(chapter -> period.contains(chapter.acceptance().acceptedOn()))
                .toList();
    }

    private SeekerReport.ResponseTimes responseTimes(ReportPeriod period) {
        List<Long> rejections = new ArrayList<>();
        List<Long> acceptances = new ArrayList<>();
        for (BoardRow row : attempts.values()) {
            if (period.contains(row.outcomeOn()) && row.sentOn() != null) {
                long days = row.outcomeOn().toEpochDay() - row.sentOn().toEpochDay();
                if (row.status() == AttemptStatus.REJECTED) {
                    rejections.add(days);
                }
                else if (row.status() == AttemptStatus.ACCEPTED) {
                    acceptances.add(days);
                }
            }
        }
        List<Long> all = new ArrayList<>(rejections);
        all.addAll(acceptances);
        return new SeekerReport.ResponseTimes(spread(all), spread(rejections), spread(acceptances));
    }

    /** Fastest, median (the mean of the middle two of an even number, as PostgreSQL's percentile_cont) and slowest. */
    static SeekerReport.Spread spread(List<Long> days) {
        if (days.isEmpty()) {
            return new SeekerReport.Spread(0, null, null, null);
        }
        List<Long> sorted = days.stream().sorted().toList();
        int size = sorted.size();
        double median = size % 2 == 1 ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2.0;
        return new SeekerReport.Spread(size, sorted.get(0), median, sorted.get(size - 1));
    }

    private static SeekerReport.Sting sting(List<BoardRow> rejections) {
        List<Integer> stings = rejections.stream().map(BoardRow::sting).filter(sting -> sting != null).toList();
        return new SeekerReport.Sting(stings.size(),
                stings.isEmpty() ? null : round(stings.stream().mapToInt(Integer::intValue).average().orElseThrow()));
    }

    private static SeekerReport.Counts counts(List<CountedFact> facts) {
        long[] counts = new long[CountedFact.Fact.values().length];
        facts.forEach(fact -> counts[fact.fact().ordinal()]++);
        return new SeekerReport.Counts(counts[CountedFact.Fact.SENT.ordinal()],
                counts[CountedFact.Fact.REJECTED.ordinal()], counts[CountedFact.Fact.ACCEPTED.ordinal()],
                counts[CountedFact.Fact.GHOSTED.ordinal()], counts[CountedFact.Fact.WITHDRAWN.ordinal()]);
    }

    private static boolean ranIn(GoalView.Goal goal, ReportPeriod period) {
        return goal.history().stream().anyMatch(ended -> period.overlaps(ended.periodStart(), ended.periodEnd()))
                || goal.current() != null && period.overlaps(goal.current().periodStart(), goal.current().periodEnd());
    }

    private static SeekerReport.GoalResult result(GoalView.Goal goal, ReportPeriod period) {
        List<SeekerReport.GoalPeriodResult> periods = new ArrayList<>();
        goal.history().stream().filter(ended -> period.overlaps(ended.periodStart(), ended.periodEnd()))
                .forEach(ended -> periods.add(new SeekerReport.GoalPeriodResult(ended.periodStart(), ended.periodEnd(),
                        ended.count(), ended.target(), ended.status().name())));
        if (goal.current() != null && period.overlaps(goal.current().periodStart(), goal.current().periodEnd())) {
            periods.add(new SeekerReport.GoalPeriodResult(goal.current().periodStart(), goal.current().periodEnd(),
                    goal.current().count(), goal.current().target(), "OPEN"));
        }
        long met = periods.stream().filter(result -> result.status().equals("MET")).count();
        return new SeekerReport.GoalResult(goal.goalId(), goal.metric(), goal.category(), goal.period(), periods, met,
                goal.streak(), goal.consistencyScore());
    }

    private static Double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static final class ShareState {

        private final RejectionShared shared;
        private final ShareSupport support = new ShareSupport();
        private boolean withdrawn;

        ShareState(RejectionShared shared) {
            this.shared = shared;
        }

        SeekerReport.Share view() {
            return new SeekerReport.Share(shared.shareId(), shared.attemptId(), shared.outcome(), shared.category(),
                    shared.sharedOn(), shared.audience(), shared.anonymous(), withdrawn, support.total(),
                    support.byKind());
        }
    }
}
