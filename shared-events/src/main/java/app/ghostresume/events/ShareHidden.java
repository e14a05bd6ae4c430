package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Enough distinct seekers reported a share ({@code reports}: the reports that count, since its last review) that it
 * is hidden from every feed pending an operator's review ({@link ShareRestored}, {@link ShareRemoved}).
 * {@code seekerId} is the reporter whose report crossed the threshold.
 */
public record ShareHidden(UUID shareId, UUID seekerId, int reports, LocalDate hiddenOn) implements ShareEvent {

    /** {@code hiddenOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(hiddenOn);
    }
}
