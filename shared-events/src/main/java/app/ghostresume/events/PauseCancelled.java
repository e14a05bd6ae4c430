package app.ghostresume.events;

import java.util.UUID;

/** A pause is off: its days count again. */
public record PauseCancelled(UUID pauseId, UUID seekerId) implements SeekerEvent {
}
