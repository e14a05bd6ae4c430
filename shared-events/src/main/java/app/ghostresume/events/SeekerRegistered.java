package app.ghostresume.events;

import java.time.ZoneId;
import java.util.UUID;

/** A person signed up. Credentials never travel in events. */
public record SeekerRegistered(UUID seekerId, String handle, String displayName, ZoneId timeZone)
        implements SeekerEvent {
}
