package app.ghostresume.personal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import app.ghostresume.events.PersonalFields;
import app.ghostresume.events.SeekerEvent;
import com.google.crypto.tink.Aead;

/**
 * Seals and opens the personal fields of events. A sealed field is the text {@code sealed:v1:} followed by the
 * unpadded base64url of a Tink AEAD ciphertext of the field's UTF-8 bytes, with the seeker's id as associated data
 * (so a sealed value cannot be moved into another seeker's event): for example
 * {@code sealed:v1:AV3n0kq...}. A field that is not sealed (written before sealing existed) opens as itself; a
 * sealed field whose key is gone, or that does not open with it, opens as {@link PersonalFields#ERASED}.
 */
public final class Sealing {

    /** What every sealed field begins with. */
    public static final String PREFIX = "sealed:v1:";

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNBASE64 = Base64.getUrlDecoder();

    private Sealing() {
    }

    /**
     * The event with its personal fields sealed with {@code key}, or erased when the seeker's key is shredded
     * (empty). Fields already sealed stay as they are.
     */
    public static <E extends SeekerEvent> E seal(E event, Optional<Aead> key) {
        byte[] subject = SeekerKeys.associatedData(event.seekerId());
        return PersonalFields.map(event, text -> isSealed(text) ? text
                : key.map(aead -> seal(aead, text, subject)).orElse(PersonalFields.ERASED));
    }

    /** The event with its sealed fields opened with {@code key}; with no key ({@code null}) they read as erased. */
    public static <E extends SeekerEvent> E open(E event, Aead key) {
        byte[] subject = SeekerKeys.associatedData(event.seekerId());
        return PersonalFields.map(event, text -> isSealed(text) ? open(key, text, subject) : text);
    }

    /**
     * Opens many events whose keys are looked up together: {@code keys} is given the seekers whose sealed fields
     * need a key, once, and answers with the keys it has.
     */
    public static <E extends SeekerEvent> List<E> openAll(List<E> events,
            Function<Set<UUID>, Map<UUID, Aead>> keys) {
        Set<UUID> sealedBy = new HashSet<>();
        for (E event : events) {
            if (anySealed(event)) {
                sealedBy.add(event.seekerId());
            }
        }
        if (sealedBy.isEmpty()) {
            return events;
        }
        Map<UUID, Aead> found = keys.apply(sealedBy);
        List<E> opened = new ArrayList<>(events.size());
        for (E event : events) {
            opened.add(sealedBy.contains(event.seekerId()) ? open(event, found.get(event.seekerId())) : event);
        }
        return opened;
    }

    /** Whether any personal field of the event is sealed. */
    public static boolean anySealed(SeekerEvent event) {
        return PersonalFields.values(event).stream().anyMatch(Sealing::isSealed);
    }

    /** One field's text sealed with the seeker's key. */
    public static String sealText(String text, UUID seeker, Aead key) {
        return isSealed(text) ? text : seal(key, text, SeekerKeys.associatedData(seeker));
    }

    /** One field's text opened: itself when not sealed, erased when {@code key} ({@code null}: none) cannot open it. */
    public static String openText(String text, UUID seeker, Aead key) {
        return isSealed(text) ? open(key, text, SeekerKeys.associatedData(seeker)) : text;
    }

    public static boolean isSealed(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    private static String seal(Aead key, String text, byte[] subject) {
        try {
            return PREFIX + BASE64.encodeToString(key.encrypt(text.getBytes(StandardCharsets.UTF_8), subject));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("could not seal a personal field", ex);
        }
    }

    private static String open(Aead key, String sealed, byte[] subject) {
        if (key == null) {
            return PersonalFields.ERASED;
        }
        try {
            return new String(key.decrypt(UNBASE64.decode(sealed.substring(PREFIX.length())), subject),
                    StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            return PersonalFields.ERASED; // not sealed with this seeker's key: nobody can read it
        }
    }
}
