package app.ghostresume.events;

import java.util.UUID;

/** Another seeker answered a share ("me too", a hug...), optionally with a short {@code message}. */
public record SupportOffered(UUID shareId, UUID seekerId, SupportKind kind, String message) implements ShareEvent {
}
