package app.ghostresume.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text field of an event as personal: what its seeker ({@link SeekerEvent#seekerId()}) wrote about
 * themselves or their attempts. Such a field is stored and published only sealed with that seeker's own key, and
 * reads as {@link PersonalFields#ERASED} once the key is shredded. Only {@code String} fields may carry it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {
}
