package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A seeker erased their account: their key is shredded, so every personal field of their events reads as
 * {@link PersonalFields#ERASED} from now on, and every read model drops or anonymises what it holds of them. Their
 * last event.
 */
public record SeekerErased(UUID seekerId, LocalDate erasedOn) implements SeekerEvent {

    /** {@code erasedOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(erasedOn);
    }
}
