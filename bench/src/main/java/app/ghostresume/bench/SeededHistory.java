package app.ghostresume.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptAdvanced;
import app.ghostresume.events.AttemptGhosted;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptWithdrawn;
import app.ghostresume.events.Category;
import app.ghostresume.events.ChallengeCreated;
import app.ghostresume.events.ChallengeGoal;
import app.ghostresume.events.ChallengeJoined;
import app.ghostresume.events.ChallengeLeft;
import app.ghostresume.events.ChallengeVisibility;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.FollowUpDue;
import app.ghostresume.events.FollowedUp;
import app.ghostresume.events.GoalMetric;
import app.ghostresume.events.GoalPeriod;
import app.ghostresume.events.GoalRetired;
import app.ghostresume.events.GoalSet;
import app.ghostresume.events.GoalTargetChanged;
import app.ghostresume.events.PauseScheduled;
import app.ghostresume.events.Personal;
import app.ghostresume.events.ReflectionRecorded;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.RejectionShared;
import app.ghostresume.events.ResponseDeadlinesSet;
import app.ghostresume.events.SeekerEvent;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.events.SeekerSettingsChanged;
import app.ghostresume.events.ShareAudience;
import app.ghostresume.events.SupportKind;
import app.ghostresume.events.SupportOffered;

/**
 * A large, realistic history generated from a seed, as the event envelopes the command service would have
 * published: seekers of uneven activity (a few send hundreds of attempts, most a few dozen) over up to two years,
 * each with their own rejection share between 70 and 95 %, the rest ghosted (mostly automatically, when the
 * window ran out), accepted or withdrawn; answers days after sending, some late replies after a ghosting,
 * follow-up reminders, interview stages, recent attempts still waiting; a quarter of the seekers with goals, a
 * few with pauses or their own windows; reflections on some rejections, and some rejections shared (a third of
 * them anonymously) and answered with support by other seekers; and group challenges with dozens to hundreds of
 * members, some invite-only, some over. Targets come from a pool of one name per two seekers (5,000 for the
 * full run), so pooled target statistics have many seekers behind them. Every aggregate's events carry sequences from 0 in order, so the query service projects them as it
 * would the real thing.
 *
 * <p>Seeding the query side this way takes seconds where the same history through HTTP commands would take hours;
 * what it skips (the command side's rules) is measured separately by the command phases.
 */
final class SeededHistory {

    private static final List<Category> CATEGORIES = List.of(Category.JOB, Category.JOB, Category.JOB, Category.JOB,
            Category.PITCH, Category.PITCH, Category.SUBMISSION, Category.SUBMISSION, Category.GRANT,
            Category.AUDITION, Category.ADMISSION, Category.APPEARANCE, Category.FUNDING, Category.BUSINESS,
            Category.DATING, Category.DATING, Category.SOCIAL, Category.COMPETITION, Category.OTHER);
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Lisbon"),
            ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"), ZoneId.of("America/Sao_Paulo"),
            ZoneId.of("Asia/Tokyo"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Pacific/Auckland"));
    private static final List<String> STAGES = List.of("phone screen", "first round", "second round", "shortlist",
            "callback", "final round");
    private static final List<String> FEEDBACK = List.of("not a fit right now", "we went with another candidate",
            "loved it, but not for us", "the budget is gone this year", "please try again next season");
    /** At most this share of the history is challenge membership, so the seekers' own lives dominate. */
    private static final double CHALLENGE_SHARE = 0.05;

    private final long seed;
    private final LocalDate lastDay;
    private final List<Seeker> seekers = new ArrayList<>();
    private final List<Challenge> challenges = new ArrayList<>();
    private final int challengeEvents;
    private final int targets;
    private final Seeker veteran;

    /**
     * A seeker of the history: who they are and how many events their own life takes; {@code activeDays} how long
     * ago they joined (0: between 60 days and two years, drawn).
     */
    record Seeker(UUID id, String handle, ZoneId zone, int budget, int goals, long seed, int activeDays) {
    }

    /** The veteran: ten years of daily activity. */
    static final int VETERAN_DAYS = 3650;

    /** A challenge and a member who may read it (its creator, who never leaves). */
    record Challenge(UUID id, UUID reader, long seed, int members) {
    }

    /**
     * @param today the history ends the day before, so no date lies in the future in any seeker's time zone
     */
    /**
     * @param veteranEvents the events of one more seeker, active every day for ten years ({@link #veteran}), beyond
     *                      {@code events}; 0 for none
     */
    SeededHistory(long seed, int seekerCount, int events, int veteranEvents, LocalDate today) {
        this.seed = seed;
        this.lastDay = today.minusDays(1);
        this.targets = Math.max(1, seekerCount / 2);
        Random random = new Random(seed);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < seekerCount; i++) {
            ids.add(uuid(random));
        }
        int challengeBudget = (int) (events * CHALLENGE_SHARE);
        int planned = 0;
        for (int c = 0; c < Math.max(1, seekerCount / 200); c++) {
            int members = Math.min(Math.min(499, seekerCount - 1), 20 + random.nextInt(180));
            int budget = 2 + members + members / 20;
            if (c > 0 && planned + budget > challengeBudget) {
                break;
            }
            challenges.add(new Challenge(uuid(random), ids.get(random.nextInt(seekerCount)), random.nextLong(),
                    members));
            planned += budget;
        }
        this.challengeEvents = planned;
        // uneven activity: exponential weights, so most seekers are moderate and a few are prolific
        double[] weights = new double[seekerCount];
        double total = 0;
        for (int i = 0; i < seekerCount; i++) {
            weights[i] = Math.min(6, Math.max(0.15, -Math.log(1 - random.nextDouble())));
            total += weights[i];
        }
        int spread = Math.max(0, events - planned - 2 * seekerCount);
        int assigned = 0;
        int[] budgets = new int[seekerCount];
        for (int i = 0; i < seekerCount; i++) {
            budgets[i] = 2 + (int) Math.floor(spread * weights[i] / total);
            assigned += budgets[i];
        }
        for (int i = 0; assigned < events - planned; i = (i + 1) % seekerCount) {
            budgets[i]++;
            assigned++;
        }
        for (int i = 0; i < seekerCount; i++) {
            double goalDraw = random.nextDouble();
            int goals = goalDraw < 0.07 ? 2 : goalDraw < 0.25 ? 1 : 0;
            seekers.add(new Seeker(ids.get(i), "seeded-" + i, ZONES.get(random.nextInt(ZONES.size())), budgets[i],
                    goals, random.nextLong(), 0));
        }
        // drawn last and kept apart, so that the other seekers, the challenges' members and the supporters are
        // those of a run without one
        this.veteran = veteranEvents > 0 ? new Seeker(uuid(random), "seeded-veteran", ZoneId.of("UTC"),
                veteranEvents, 2, random.nextLong(), VETERAN_DAYS) : null;
    }

    /** The seeker with ten years of history, if the run has one; not among {@link #seekers}. */
    java.util.Optional<Seeker> veteran() {
        return java.util.Optional.ofNullable(veteran);
    }

    LocalDate lastDay() {
        return lastDay;
    }

    List<Seeker> seekers() {
        return Collections.unmodifiableList(seekers);
    }

    List<Challenge> challenges() {
        return Collections.unmodifiableList(challenges);
    }

    /** Every event of the history, each aggregate's in order; returns how many. */
    long publish(Consumer<EventEnvelope> sink) {
        long count = 0;
        for (Challenge challenge : challenges) {
            count += new ChallengeLife(challenge, sink).play();
        }
        for (Seeker seeker : seekers) {
            count += new SeekerLife(seeker, sink).play();
        }
        if (veteran != null) {
            count += new SeekerLife(veteran, sink).play();
        }
        return count;
    }

    /** How many targets the attempts are sent to: {@code "Target 0"} to {@code "Target <targets - 1>"}. */
    int targets() {
        return targets;
    }

    int challengeEvents() {
        return challengeEvents;
    }

    private Instant at(LocalDate day, ZoneId zone, Random random) {
        return day.atTime(LocalTime.of(7 + random.nextInt(15), random.nextInt(60), random.nextInt(60)))
                .atZone(zone).toInstant();
    }

    private static UUID uuid(Random random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    /** One aggregate's events with their sequence numbers from 0, in the order they were applied. */
    private static final class Aggregate {

        private final String id;
        private long sequence;
        private Instant last = Instant.MIN;

        Aggregate(UUID id) {
            this.id = id.toString();
        }

        /** Times within an aggregate never run backwards, as they cannot when the command side records them. */
        EventEnvelope next(Random random, Instant occurredAt, SeekerEvent event) {
            last = occurredAt.isAfter(last) ? occurredAt : last.plusMillis(1);
            return EventEnvelope.wrap(uuid(random), id, sequence++, last, event);
        }
    }

    private final class ChallengeLife {

        private final Challenge challenge;
        private final Consumer<EventEnvelope> sink;
        private final Random random;

        ChallengeLife(Challenge challenge, Consumer<EventEnvelope> sink) {
            this.challenge = challenge;
            this.sink = sink;
            this.random = new Random(challenge.seed());
        }

        int play() {
            Aggregate aggregate = new Aggregate(challenge.id());
            boolean over = random.nextInt(10) < 3;
            LocalDate startsOn = lastDay.minusDays(over ? 60 + random.nextInt(200) : random.nextInt(40));
            LocalDate endsOn = over ? startsOn.plusDays(27) : lastDay.plusDays(20 + random.nextInt(60));
            boolean invite = random.nextInt(5) == 0;
            ChallengeGoal goal = random.nextBoolean()
                    ? new ChallengeGoal(GoalMetric.REJECTIONS, null, 3, ChallengeGoal.Per.WEEK)
                    : new ChallengeGoal(GoalMetric.REJECTIONS, Category.JOB, 20, ChallengeGoal.Per.TOTAL);
            LocalDate createdOn = startsOn.minusDays(random.nextInt(5));
            UUID creator = challenge.reader();
            ZoneId zone = ZoneId.of("UTC");
            sink.accept(aggregate.next(random, at(createdOn, zone, random), new ChallengeCreated(challenge.id(),
                    creator, "Season of NO #" + challenge.id().toString().substring(0, 4),
                    "Collect rejections together", startsOn, endsOn, goal,
                    invite ? ChallengeVisibility.INVITE : ChallengeVisibility.PUBLIC,
                    invite ? "INV" + Long.toString(random.nextLong() & 0xFFFFFFFFFFL, 36) : null, createdOn)));
            sink.accept(aggregate.next(random, at(createdOn, zone, random),
                    new ChallengeJoined(challenge.id(), creator, createdOn)));
            int count = 2;
            Set<UUID> members = new HashSet<>(Set.of(creator));
            List<UUID> joined = new ArrayList<>();
            LocalDate lastJoin = endsOn.isBefore(lastDay) ? endsOn : lastDay;
            while (joined.size() < challenge.members()) {
                UUID member = seekers.get(random.nextInt(seekers.size())).id();
                if (members.add(member)) {
                    long window = Math.max(1, ChronoUnit.DAYS.between(createdOn, lastJoin) + 1);
                    LocalDate on = createdOn.plusDays(random.nextLong(window));
                    sink.accept(aggregate.next(random, at(on, zone, random),
                            new ChallengeJoined(challenge.id(), member, on)));
                    joined.add(member);
                    count++;
                }
            }
            for (int i = 0; i < challenge.members() / 20; i++) {
                sink.accept(aggregate.next(random, at(lastJoin, zone, random),
                        new ChallengeLeft(challenge.id(), joined.get(i * 20), lastJoin)));
                count++;
            }
            return count;
        }
    }

    /** The windows the command service defaults to (see the README's "Silence"). */
    private static Map<Category, Integer> windows(boolean ghosting) {
        Map<Category, Integer> days = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            days.put(category, switch (category) {
                case GRANT, ADMISSION -> ghosting ? 60 : 21;
                case DATING, SOCIAL -> ghosting ? 14 : 3;
                default -> ghosting ? 30 : 7;
            });
        }
        return days;
    }

    private final class SeekerLife {

        private final Seeker seeker;
        private final Consumer<EventEnvelope> sink;
        private final Random random;
        private final Map<Category, Integer> ghostingDays = windows(true);
        private final Map<Category, Integer> followUpDays = windows(false);
        private int left;

        SeekerLife(Seeker seeker, Consumer<EventEnvelope> sink) {
            this.seeker = seeker;
            this.sink = sink;
            this.random = new Random(seeker.seed());
            this.left = seeker.budget();
        }

        int play() {
            LocalDate joinedOn = seeker.activeDays() > 0 ? lastDay.minusDays(seeker.activeDays())
                    : lastDay.minusDays(60 + random.nextInt(670));
            Aggregate self = new Aggregate(seeker.id());
            emit(self, joinedOn, new SeekerRegistered(seeker.id(), seeker.handle(), "Seeker " + seeker.handle(),
                    seeker.zone()));
            if (left > 2 && random.nextInt(100) < 8) {
                ghostingDays.put(Category.JOB, 21);
                followUpDays.put(Category.JOB, 10);
                emit(self, joinedOn, new SeekerSettingsChanged(seeker.id(), Map.copyOf(ghostingDays),
                        Map.copyOf(followUpDays)));
            }
            if (left > 2 && random.nextInt(100) < 6) {
                LocalDate from = joinedOn.plusDays(random.nextLong(ChronoUnit.DAYS.between(joinedOn, lastDay)));
                emit(self, from.minusDays(3), new PauseScheduled(uuid(random), seeker.id(), from,
                        from.plusDays(6 + random.nextInt(10)), "holiday"));
            }
            for (int g = 0; g < seeker.goals() && left > 2; g++) {
                goal(joinedOn);
            }
            double rejectionShare = 0.70 + 0.25 * random.nextDouble();
            long span = ChronoUnit.DAYS.between(joinedOn, lastDay) + 1;
            int expected = Math.max(1, left / 3);
            for (int k = 0; left > 0; k++) {
                long offset = Math.min(span - 1, (long) (span * (k + random.nextDouble()) / expected));
                attempt(joinedOn.plusDays(offset), rejectionShare);
            }
            return seeker.budget();
        }

        private void goal(LocalDate joinedOn) {
            Aggregate goal = new Aggregate(uuid(random));
            UUID goalId = UUID.fromString(goal.id);
            LocalDate startsOn = joinedOn.plusDays(random.nextLong(ChronoUnit.DAYS.between(joinedOn, lastDay) + 1));
            int kind = random.nextInt(100);
            GoalSet set = kind < 55
                    ? new GoalSet(goalId, seeker.id(), GoalMetric.REJECTIONS, random.nextBoolean() ? null
                            : Category.JOB, 2 + random.nextInt(4), GoalPeriod.WEEK, startsOn, null)
                    : kind < 90
                            ? new GoalSet(goalId, seeker.id(), GoalMetric.ATTEMPTS, null, 8 + random.nextInt(12),
                                    GoalPeriod.MONTH, startsOn, null)
                            : new GoalSet(goalId, seeker.id(), GoalMetric.ACCEPTANCES, null, 1, GoalPeriod.CUSTOM,
                                    startsOn, startsOn.plusDays(90));
            emit(goal, startsOn, set);
            if (left > 2 && random.nextInt(100) < 15 && startsOn.plusDays(14).isBefore(lastDay)) {
                emit(goal, startsOn.plusDays(10), new GoalTargetChanged(goalId, seeker.id(), set.target() + 1,
                        set.period() == GoalPeriod.CUSTOM ? startsOn : startsOn.plusDays(14)));
            }
            else if (left > 2 && random.nextInt(100) < 6 && startsOn.plusDays(30).isBefore(lastDay)) {
                emit(goal, startsOn.plusDays(30), new GoalRetired(goalId, seeker.id(), startsOn.plusDays(30)));
            }
        }

        /** One attempt and whatever came of it, within the seeker's remaining budget of events. */
        private void attempt(LocalDate sentOn, double rejectionShare) {
            Category category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
            UUID attemptId = uuid(random);
            UUID me = seeker.id();
            int ghosting = ghostingDays.get(category);
            LocalDate expected = random.nextInt(100) < 15 ? sentOn.plusDays(7 + random.nextInt(30)) : null;
            LocalDate ghostedAfter = expected != null ? expected : sentOn.plusDays(ghosting);
            LocalDate followUpOn = sentOn.plusDays(followUpDays.get(category));
            if (!followUpOn.isBefore(ghostedAfter)) {
                followUpOn = null;
            }
            List<Dated> later = new ArrayList<>();
            LocalDate outcomeOn = null;
            double fate = random.nextDouble();
            if (fate < rejectionShare) {
                outcomeOn = sentOn.plusDays(1 + (long) (Math.pow(random.nextDouble(), 2) * ghosting));
                LocalDate on = outcomeOn;
                later.add(new Dated(on, random.nextInt(10) == 0 ? 0 : 1, new RejectionReceived(attemptId, me, on,
                        random.nextInt(4) == 0 ? STAGES.get(random.nextInt(STAGES.size())) : null,
                        random.nextInt(3) == 0 ? FEEDBACK.get(random.nextInt(FEEDBACK.size())) : null,
                        random.nextInt(4) == 0 ? null : 1 + random.nextInt(5))));
            }
            else if (fate < rejectionShare + (1 - rejectionShare) * 0.55) {
                boolean automatic = random.nextInt(100) < 75;
                outcomeOn = automatic ? ghostedAfter.plusDays(1)
                        : sentOn.plusDays(1 + random.nextLong(ChronoUnit.DAYS.between(sentOn, ghostedAfter) + 1));
                LocalDate on = outcomeOn;
                later.add(new Dated(on, automatic ? -1 : 1, new AttemptGhosted(attemptId, me, on, automatic)));
                if (random.nextInt(100) < 8) {
                    LocalDate late = on.plusDays(1 + random.nextInt(30));
                    later.add(new Dated(late, 1, new RejectionReceived(attemptId, me, late, null,
                            "sorry for the slow reply", 2)));
                }
            }
            else if (fate < rejectionShare + (1 - rejectionShare) * 0.85) {
                outcomeOn = sentOn.plusDays(2 + random.nextInt(ghosting));
                LocalDate on = outcomeOn;
                later.add(new Dated(on, 1, new AcceptanceReceived(attemptId, me, on, "they said yes")));
            }
            else {
                outcomeOn = sentOn.plusDays(1 + random.nextInt(Math.max(1, ghosting / 2)));
                LocalDate on = outcomeOn;
                later.add(new Dated(on, 1, new AttemptWithdrawn(attemptId, me, on, "found something else")));
            }
            boolean stagey = category == Category.JOB || category == Category.AUDITION
                    || category == Category.ADMISSION;
            if (stagey && random.nextInt(100) < 12 && outcomeOn.isAfter(sentOn.plusDays(3))) {
                LocalDate on = sentOn.plusDays(2);
                later.add(new Dated(on, 1, new AttemptAdvanced(attemptId, me, STAGES.get(random.nextInt(3)), on,
                        null)));
            }
            if (followUpOn != null && followUpOn.isBefore(outcomeOn)) {
                LocalDate due = followUpOn;
                later.add(new Dated(due, -1, new FollowUpDue(attemptId, me, due)));
                if (random.nextInt(100) < 30 && due.plusDays(2).isBefore(outcomeOn)) {
                    later.add(new Dated(due.plusDays(1), 1, new FollowedUp(attemptId, me, due.plusDays(1))));
                }
            }
            // what has not happened by the last day has not happened: the attempt is still waiting
            later.removeIf(dated -> dated.on().isAfter(lastDay));
            later.sort(Comparator.comparing(Dated::on).thenComparing(Dated::order));

            Aggregate attempt = new Aggregate(attemptId);
            emit(attempt, sentOn, new AttemptLogged(attemptId, me, category, "Target " + random.nextInt(targets),
                    titleFor(category), random.nextInt(5) == 0 ? "Sent with a portfolio link" : null, sentOn,
                    expected));
            emit(attempt, sentOn, new ResponseDeadlinesSet(attemptId, me, followUpOn, ghostedAfter));
            for (Dated dated : later) {
                emit(attempt, dated.on(), dated.event());
            }
            Dated last = later.isEmpty() ? null : later.get(later.size() - 1);
            if (last != null && last.event() instanceof RejectionReceived rejection) {
                reflectAndShare(attempt, category, rejection);
            }
        }

        /** Some rejections get a journal entry; some are shared, and other seekers answer them. */
        private void reflectAndShare(Aggregate attempt, Category category, RejectionReceived rejection) {
            LocalDate on = rejection.receivedOn();
            if (random.nextInt(100) < 12) {
                emit(attempt, on, new ReflectionRecorded(rejection.attemptId(), seeker.id(), uuid(random),
                        "They chose someone with more experience", random.nextBoolean() ? "Ask for feedback" : null,
                        "Apply earlier", Personal.values()[random.nextInt(3)], on));
            }
            if (random.nextInt(100) < 6) {
                Aggregate share = new Aggregate(uuid(random));
                UUID shareId = UUID.fromString(share.id);
                emit(share, on, new RejectionShared(shareId, seeker.id(), rejection.attemptId(),
                        app.ghostresume.events.AttemptStatus.REJECTED, category, rejection.stageReached(),
                        rejection.sting(), on, on, "Another one for the ghost résumé", random.nextInt(3) == 0,
                        ShareAudience.PUBLIC, null));
                int supporters = random.nextInt(6);
                for (int i = 0; i < supporters; i++) {
                    UUID supporter = seekers.get(random.nextInt(seekers.size())).id();
                    if (!supporter.equals(seeker.id())) {
                        emit(share, on, new SupportOffered(shareId, supporter,
                                SupportKind.values()[random.nextInt(SupportKind.values().length)],
                                random.nextBoolean() ? "You got this" : null, on));
                    }
                }
            }
        }

        private String titleFor(Category category) {
            return switch (category) {
                case JOB -> "Application #" + random.nextInt(100_000);
                case PITCH -> "Pitch: essay " + random.nextInt(1000);
                case SUBMISSION -> "Short story draft " + random.nextInt(200);
                case DATING, SOCIAL -> "Asked out " + random.nextInt(100);
                default -> category.name().toLowerCase() + " " + random.nextInt(10_000);
            };
        }

        /** Emits the event if the budget allows; an automatic event happens at the start of its day. */
        private void emit(Aggregate aggregate, LocalDate on, SeekerEvent event) {
            if (left <= 0) {
                return;
            }
            boolean automatic = event instanceof FollowUpDue || (event instanceof AttemptGhosted ghosted
                    && ghosted.automatic());
            Instant occurredAt = automatic ? on.atStartOfDay(seeker.zone()).toInstant().plusSeconds(5)
                    : at(on, seeker.zone(), random);
            sink.accept(aggregate.next(random, occurredAt, event));
            left--;
        }
    }

    /** An event in an attempt's life after its logging; {@code order} breaks ties on the same day. */
    private record Dated(LocalDate on, int order, SeekerEvent event) {
    }
}
