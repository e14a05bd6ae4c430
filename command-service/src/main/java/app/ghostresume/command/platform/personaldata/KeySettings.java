package app.ghostresume.command.platform.personaldata;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the seekers' keys are kept, and how.
 *
 * @param url          the key database (its own, backed up apart from the event store)
 * @param masterKeyset a Tink AEAD keyset in JSON that encrypts every seeker's keyset; blank keeps them in the clear
 * @param rememberFor  how long a key read is kept in memory; a shredded key is forgotten at once here, and within
 *                     this time by any other instance (what such an instance seals meanwhile cannot be opened)
 */
@ConfigurationProperties("ghost.keys")
public record KeySettings(String url, String username, String password, @DefaultValue("") String masterKeyset,
        @DefaultValue("4") int poolSize, @DefaultValue("PT1M") Duration rememberFor) {
}
