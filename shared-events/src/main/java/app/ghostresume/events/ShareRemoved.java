package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * An operator reviewed a share hidden after reports and removed it for good: it stays out of every feed, and its
 * attempt cannot be shared again. {@code seekerId} is the operator.
 */
public record ShareRemoved(UUID shareId, UUID seekerId, String note, LocalDate removedOn) implements ShareEvent {

    /** {@code removedOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(removedOn);
    }
}
