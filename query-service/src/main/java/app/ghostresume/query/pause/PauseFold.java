package app.ghostresume.query.pause;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.PauseCancelled;
import app.ghostresume.events.PauseScheduled;

/** One seeker's pauses as their events leave them, in memory, as {@link PauseProjection} keeps them. */
public final class PauseFold {

    private final Map<UUID, Pauses.Pause> active = new LinkedHashMap<>();

    /** Takes the next of the seeker's events; any but a pause's passes by. */
    public void accept(EventEnvelope event) {
        if (event.payload() instanceof PauseScheduled pause) {
            active.putIfAbsent(pause.pauseId(),
                    new Pauses.Pause(pause.pauseId(), pause.startsOn(), pause.endsOn(), pause.reason()));
        }
        else if (event.payload() instanceof PauseCancelled cancelled) {
            active.remove(cancelled.pauseId());
        }
    }

    public PausedDays pausedDays() {
        return PausedDays.of(List.copyOf(active.values()));
    }
}
