package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Another seeker answered a share ("me too", a hug...), optionally with a short {@code message}. */
public record SupportOffered(UUID shareId, UUID seekerId, SupportKind kind, @PersonalData String message,
        LocalDate offeredOn)
        implements ShareEvent {

    /** {@code offeredOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(offeredOn);
    }
}
