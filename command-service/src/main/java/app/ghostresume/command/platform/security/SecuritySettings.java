package app.ghostresume.command.platform.security;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts, sign-in and tokens.
 *
 * @param passwordHashingLimit how many passwords may be hashed at once; 0 for the number of processors
 * @param operators            the seekers whose tokens carry the {@code operator} scope
 */
@ConfigurationProperties("ghost.security")
public record SecuritySettings(Jwt jwt, @DefaultValue SignIn signIn, @DefaultValue("0") int passwordHashingLimit,
        @DefaultValue Set<UUID> operators) {

    /**
     * @param issuer             this service's URL, the tokens' {@code iss}
     * @param privateKeyLocation with {@code publicKeyLocation}, PEM files of the signing key; blank for a key kept in
     *                           the database
     */
    public record Jwt(String issuer, @DefaultValue("PT1H") Duration lifetime, String privateKeyLocation,
            String publicKeyLocation) {
    }

    /** Failed sign-ins allowed per handle and per client within {@code failureWindow}. */
    public record SignIn(@DefaultValue("5") int failuresPerHandle, @DefaultValue("30") int failuresPerClient,
            @DefaultValue("PT15M") Duration failureWindow) {
    }
}
