package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A supporter took back one kind of support they had given. */
public record SupportWithdrawn(UUID shareId, UUID seekerId, SupportKind kind, LocalDate withdrawnOn)
        implements ShareEvent {

    /** {@code withdrawnOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(withdrawnOn);
    }
}
