package app.ghostresume.events;

import java.util.UUID;

/** A seeker reported a share as inappropriate. Reports are seen by moderators only. */
public record ShareReported(UUID shareId, UUID seekerId, String reason) implements ShareEvent {
}
