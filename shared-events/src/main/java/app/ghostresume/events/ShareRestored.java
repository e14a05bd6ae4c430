package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * An operator reviewed a share hidden after reports and put it back in its feeds. {@code seekerId} is the
 * operator; the reports made so far no longer count toward hiding it again.
 */
public record ShareRestored(UUID shareId, UUID seekerId, String note, LocalDate restoredOn) implements ShareEvent {

    /** {@code restoredOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(restoredOn);
    }
}
