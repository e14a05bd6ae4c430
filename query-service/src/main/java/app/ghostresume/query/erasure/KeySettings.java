package app.ghostresume.query.erasure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the seekers' keys are read: the command service's key database, with the same master keyset. This service
 * only reads them; with {@code createTable} false, a role that may only {@code SELECT} from {@code seeker_key} is
 * enough.
 */
@ConfigurationProperties("ghost.keys")
record KeySettings(String url, String username, String password, @DefaultValue("") String masterKeyset,
        @DefaultValue("2") int poolSize, @DefaultValue("true") boolean createTable) {
}
