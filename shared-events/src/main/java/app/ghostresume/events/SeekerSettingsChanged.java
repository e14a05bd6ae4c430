package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The seeker's windows, in days, for every category (defaults included, so readers need not know them):
 * after {@code followUpDays} a waiting attempt is due a follow-up, after {@code ghostingDays} it is ghosted.
 * They apply to attempts logged or re-dated from then on.
 */
public record SeekerSettingsChanged(UUID seekerId, Map<Category, Integer> ghostingDays,
        Map<Category, Integer> followUpDays) implements SeekerEvent {

    /** None: it is about the day it was stored, in its seeker's time zone. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.empty();
    }
}
