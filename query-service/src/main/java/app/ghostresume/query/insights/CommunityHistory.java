package app.ghostresume.query.insights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.events.ChallengeEvent;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.GoalEvent;
import app.ghostresume.events.PauseCancelled;
import app.ghostresume.events.PauseScheduled;
import app.ghostresume.events.PersonalFields;
import app.ghostresume.events.SeekerErased;
import app.ghostresume.events.SeekerEvent;
import app.ghostresume.query.board.BoardFold;
import app.ghostresume.query.board.BoardRow;
import app.ghostresume.query.pause.PauseFold;
import app.ghostresume.query.pause.PausedDays;

/**
 * Everyone's history as the whole topic, replayed from its beginning, leaves it: every attempt folded by the
 * board's own fold, each seeker's goal events and pauses, each challenge's events. It holds no personal field that
 * a question could need (the questions count; texts stay sealed as they travel), and it forgets an erased seeker
 * altogether. Events are fed in each partition's order, which is each seeker's, challenge's and share's own.
 */
public final class CommunityHistory {

    private final Map<UUID, BoardRow> attempts = new HashMap<>();
    private final Map<UUID, List<EventEnvelope>> goalEvents = new HashMap<>();
    private final Map<UUID, PauseFold> pauses = new HashMap<>();
    private final Map<UUID, List<EventEnvelope>> challengeEvents = new LinkedHashMap<>();
    private final Set<UUID> erased = new HashSet<>();
    private final LocalDate today;
    private long events;

    /** @param today the day goals and challenges are judged on */
    public CommunityHistory(LocalDate today) {
        this.today = today;
    }

    public LocalDate today() {
        return today;
    }

    /**
     * The event as the history keeps it: no question reads a personal field, so they are dropped before they take
     * memory or time (a target's key). Safe on any thread.
     */
    public static EventEnvelope withoutPersonalFields(EventEnvelope event) {
        SeekerEvent payload = PersonalFields.map(event.payload(), text -> null);
        return payload == event.payload() ? event : new EventEnvelope(event.eventId(), event.type(),
                event.version(), event.seekerId(), event.aggregateId(), event.aggregateSequence(), event.occurredAt(),
                payload);
    }

    /** Takes the next event of its partition, as the replay hands it over ({@link #withoutPersonalFields}). */
    public void accept(EventEnvelope event) {
        events++;
        BoardFold.replayInto(event, attempts);
        if (event.payload() instanceof GoalEvent) {
            goalEvents.computeIfAbsent(event.seekerId(), id -> new ArrayList<>()).add(event);
        }
        else if (event.payload() instanceof ChallengeEvent challenge) {
            challengeEvents.computeIfAbsent(challenge.challengeId(), id -> new ArrayList<>()).add(event);
        }
        else if (event.payload() instanceof PauseScheduled || event.payload() instanceof PauseCancelled) {
            pauses.computeIfAbsent(event.seekerId(), id -> new PauseFold()).accept(event);
        }
        else if (event.payload() instanceof SeekerErased) {
            erased.add(event.seekerId());
        }
    }

    /** How many events were taken. */
    public long events() {
        return events;
    }

    /** Every attempt of a seeker not erased, by seeker. */
    public Map<UUID, List<BoardRow>> attemptsBySeeker() {
        Map<UUID, List<BoardRow>> bySeeker = new HashMap<>();
        for (BoardRow row : attempts.values()) {
            if (!erased.contains(row.seekerId())) {
                bySeeker.computeIfAbsent(row.seekerId(), id -> new ArrayList<>()).add(row);
            }
        }
        return bySeeker;
    }

    /** The goal events of each seeker not erased, each goal's in order. */
    public Map<UUID, List<EventEnvelope>> goalEventsBySeeker() {
        Map<UUID, List<EventEnvelope>> bySeeker = new HashMap<>(goalEvents);
        bySeeker.keySet().removeAll(erased);
        return bySeeker;
    }

    public PausedDays pausedDaysOf(UUID seekerId) {
        PauseFold ofSeeker = pauses.get(seekerId);
        return ofSeeker == null ? PausedDays.NONE : ofSeeker.pausedDays();
    }

    /** Each challenge's own events, in order. */
    public Collection<List<EventEnvelope>> challenges() {
        return challengeEvents.values();
    }

    public boolean isErased(UUID seekerId) {
        return erased.contains(seekerId);
    }
}
