package app.ghostresume.stack.testing;

import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import app.ghostresume.stack.EmbeddedPostgresServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens minted outside the command service: for the benchmark's seeded seekers, who never signed in
 * (they exist only on the topic and in the read models, which is all the query service looks at), and operator
 * tokens for tests. Signed with the command service's own key, read where it
 * keeps it ({@code server_secret}), with the key id and issuer copied from a token it really issued, so they are
 * indistinguishable from its own.
 */
public final class TokenMinter {

    private final RSASSASigner signer;
    private final String keyId;
    private final String issuer;
    private final Duration lifetime;

    private TokenMinter(RSAPrivateKey key, String keyId, String issuer, Duration lifetime) {
        this.signer = new RSASSASigner(key);
        this.keyId = keyId;
        this.issuer = issuer;
        this.lifetime = lifetime;
    }

    /** @param realToken any token the command service issued, to copy its key id and issuer from */
    public static TokenMinter from(String commandDatabaseUrl, String realToken, Duration lifetime) throws Exception {
        String[] parts = realToken.split("\\.");
        JsonMapper json = JsonMapper.builder().build();
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        try (Connection db = DriverManager.getConnection(commandDatabaseUrl, EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
                PreparedStatement select = db.prepareStatement(
                        "SELECT value FROM server_secret WHERE name = 'jwt-private-key'");
                ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("the command service has not stored its signing key");
            }
            RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(rows.getBytes(1)));
            return new TokenMinter(key, header.get("kid").asString(), claims.get("iss").asString(), lifetime);
        }
    }

    public String tokenFor(UUID seekerId, String handle) {
        return sign(claims(seekerId, handle).build());
    }

    /** A token with the {@code operator} scope, as the command service gives the seekers it names operators. */
    public String operatorTokenFor(UUID seekerId, String handle) {
        return sign(claims(seekerId, handle).claim("scope", "operator").build());
    }

    private JWTClaimsSet.Builder claims(UUID seekerId, String handle) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).subject(seekerId.toString())
                .claim("handle", handle).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime)));
    }

    private String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
        try {
            jwt.sign(signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }
}
