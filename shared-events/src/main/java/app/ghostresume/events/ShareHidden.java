package app.ghostresume.events;

import java.util.UUID;

/**
 * Enough distinct seekers reported a share ({@code reports}) that it is hidden from every feed pending review.
 * {@code seekerId} is the reporter whose report crossed the threshold.
 */
public record ShareHidden(UUID shareId, UUID seekerId, int reports) implements ShareEvent {
}
