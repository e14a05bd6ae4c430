package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A seeker chose what others may see: with {@code publicGhostResume} their ghost résumé (counts and categories,
 * never targets or titles) is readable under their handle.
 */
public record ProfileChanged(UUID seekerId, boolean publicGhostResume) implements SeekerEvent {

    /** None: it is about the day it was stored, in its seeker's time zone. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.empty();
    }
}
