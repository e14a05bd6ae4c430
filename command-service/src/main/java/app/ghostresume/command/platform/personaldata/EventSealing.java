package app.ghostresume.command.platform.personaldata;

import java.util.Optional;
import java.util.UUID;

import app.ghostresume.events.PersonalFields;
import app.ghostresume.events.SeekerEvent;
import app.ghostresume.personal.SeekerKeys;
import app.ghostresume.personal.Sealing;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import org.springframework.stereotype.Component;

/**
 * Seals an event's personal fields with its seeker's key (made on first use) and opens them again; erases them
 * instead once the key is shredded. Keys read are remembered for {@link KeySettings#rememberFor()}.
 */
@Component
public class EventSealing {

    private final SeekerKeys keys;
    private final Cache<UUID, Optional<Aead>> remembered;

    EventSealing(SeekerKeys keys, KeySettings settings) {
        this.keys = keys;
        this.remembered = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(settings.rememberFor())
                .build();
    }

    public <E extends SeekerEvent> E seal(E event) {
        return PersonalFields.any(event.getClass()) ? Sealing.seal(event, key(event.seekerId())) : event;
    }

    public <E extends SeekerEvent> E open(E event) {
        return Sealing.anySealed(event) ? Sealing.open(event, key(event.seekerId()).orElse(null)) : event;
    }

    /** One text of the seeker's sealed, or erased once their key is shredded. */
    public String sealText(UUID seeker, String text) {
        return key(seeker).map(aead -> Sealing.sealText(text, seeker, aead)).orElse(PersonalFields.ERASED);
    }

    /** Shreds the seeker's key for good. */
    public void shred(UUID seeker) {
        keys.shred(seeker);
        remembered.invalidate(seeker);
    }

    private Optional<Aead> key(UUID seeker) {
        return remembered.get(seeker, keys::sealingKey);
    }
}
