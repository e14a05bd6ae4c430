package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The author took a share back: it leaves every feed, with its support. */
public record ShareWithdrawn(UUID shareId, UUID seekerId, LocalDate withdrawnOn) implements ShareEvent {

    /** {@code withdrawnOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(withdrawnOn);
    }
}
