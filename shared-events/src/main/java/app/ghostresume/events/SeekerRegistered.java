package app.ghostresume.events;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/** A person signed up. Credentials never travel in events. */
public record SeekerRegistered(UUID seekerId, @PersonalData String handle, @PersonalData String displayName,
        ZoneId timeZone) implements SeekerEvent {

    /** None: it is about the day it was stored, in its seeker's time zone. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.empty();
    }
}
