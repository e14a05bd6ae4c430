package app.ghostresume.command.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs access tokens: RS256, subject = the seeker's id, plus their handle; seekers named in
 * {@code OPERATOR_SEEKER_IDS} (by id: a handle could be registered by anyone first) also get the {@code operator}
 * scope, which the operator API asks for.
 */
@Component
public class TokenIssuer {

    private final JwtEncoder encoder;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;
    private final String keyId;
    private final Set<UUID> operators;

    TokenIssuer(SigningKeys keys, Clock clock, SecuritySettings settings) {
        this.operators = Set.copyOf(settings.operators());
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.key())));
        this.keyId = keys.key().getKeyID();
        this.issuer = settings.jwt().issuer();
        this.lifetime = settings.jwt().lifetime();
        this.clock = clock;
    }

    public IssuedToken issue(UUID seekerId, String handle) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(seekerId.toString())
                .claim("handle", handle)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime));
        if (operators.contains(seekerId)) {
            claims.claim("scope", OPERATOR_SCOPE);
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new IssuedToken(token, "Bearer", lifetime.toSeconds());
    }

    /** The scope of an operator's tokens; Spring Security reads it as the authority {@code SCOPE_operator}. */
    public static final String OPERATOR_SCOPE = "operator";

    public record IssuedToken(String accessToken, String tokenType, long expiresIn) {
    }
}
