package app.ghostresume.events;

import java.util.UUID;

/** The author took a share back: it leaves every feed, with its support. */
public record ShareWithdrawn(UUID shareId, UUID seekerId) implements ShareEvent {
}
