package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A pause is off: its days count again. */
public record PauseCancelled(UUID pauseId, UUID seekerId) implements SeekerEvent {

    /** None: it is about the day it was stored, in its seeker's time zone. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.empty();
    }
}
