package app.ghostresume.events;

import java.util.UUID;

/** A supporter took back one kind of support they had given. */
public record SupportWithdrawn(UUID shareId, UUID seekerId, SupportKind kind) implements ShareEvent {
}
