package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A break (holiday, illness...) from {@code startsOn} to {@code endsOn}, both included, in the seeker's time
 * zone. Days and goal periods inside it neither break nor extend a streak.
 */
public record PauseScheduled(UUID pauseId, UUID seekerId, LocalDate startsOn, LocalDate endsOn,
        @PersonalData String reason)
        implements SeekerEvent {

    /** None: it is about the day it was stored, in its seeker's time zone. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.empty();
    }
}
