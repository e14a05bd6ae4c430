package app.ghostresume.query.erasure;

import java.util.UUID;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Refuses the tokens of a seeker who erased their account (401, as any token that speaks for nobody), from the
 * moment this service has applied the erasure. Picked up by Boot's JWT decoder beside the other checks, so it runs
 * when a token is verified. Verified tokens are remembered for five minutes at most; the instance that applies an
 * erasure forgets the seeker's at once ({@link ReadModelErasure}), another instance within those five minutes.
 */
@Component
class ErasedSeekers implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error ERASED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "the account was erased", null);

    private final JdbcClient jdbc;

    ErasedSeekers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        UUID seeker;
        try {
            seeker = UUID.fromString(token.getSubject());
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            return OAuth2TokenValidatorResult.success(); // not a seeker id: refused by the subject check
        }
        try {
            boolean erased = jdbc.sql("SELECT EXISTS (SELECT 1 FROM seeker WHERE seeker_id = ? "
                    + "AND erased_on IS NOT NULL)").param(seeker).query(Boolean.class).single();
            return erased ? OAuth2TokenValidatorResult.failure(ERASED) : OAuth2TokenValidatorResult.success();
        }
        catch (DataAccessException ex) {
            // the database is away: the request goes on and meets the same outage, answered 503 like every read
            return OAuth2TokenValidatorResult.success();
        }
    }
}
