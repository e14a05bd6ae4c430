package app.ghostresume.events;

import java.util.UUID;

/**
 * A seeker chose what others may see: with {@code publicGhostResume} their ghost résumé (counts and categories,
 * never targets or titles) is readable under their handle.
 */
public record ProfileChanged(UUID seekerId, boolean publicGhostResume) implements SeekerEvent {
}
