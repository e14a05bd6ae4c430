package app.ghostresume.command.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** Signs access tokens: RS256, subject = the seeker's id, plus their handle. */
@Component
public class TokenIssuer {

    private final JwtEncoder encoder;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;
    private final String keyId;

    TokenIssuer(SigningKeys keys, Clock clock, @Value("${ghost.security.jwt.issuer}") String issuer,
            @Value("${ghost.security.jwt.lifetime:PT1H}") Duration lifetime) {
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.key())));
        this.keyId = keys.key().getKeyID();
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public IssuedToken issue(UUID seekerId, String handle) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(seekerId.toString())
                .claim("handle", handle)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(token, "Bearer", lifetime.toSeconds());
    }

    public record IssuedToken(String accessToken, String tokenType, long expiresIn) {
    }
}
