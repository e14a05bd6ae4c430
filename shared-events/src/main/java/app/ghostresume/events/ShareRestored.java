package app.ghostresume.events;

import java.util.UUID;

/**
 * An operator reviewed a share hidden after reports and put it back in its feeds. {@code seekerId} is the
 * operator; the reports made so far no longer count toward hiding it again.
 */
public record ShareRestored(UUID shareId, UUID seekerId, String note) implements ShareEvent {
}
