package app.ghostresume.query.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Plays command-service's part in authentication: an RSA key whose public JWK set is served over HTTP, and
 * RS256 tokens signed with it for test seekers. One per test JVM.
 */
public final class TestTokens {

    public static final String ISSUER = "http://command-service.test";
    private static final String KEY_ID = "test-key";
    private static TestTokens instance;

    private final RSAKey key;
    private final RSAKey impostor;
    private final HttpServer server;

    private TestTokens() throws JOSEException, IOException {
        key = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        impostor = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.start();
    }

    public static synchronized TestTokens get() {
        if (instance == null) {
            try {
                instance = new TestTokens();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            catch (JOSEException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return instance;
    }

    public String jwkSetUri() {
        return "http://localhost:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    public String tokenFor(UUID seekerId) {
        Instant now = Instant.now();
        return sign(key, seekerId.toString(), ISSUER, now, now.plus(Duration.ofHours(1)));
    }

    /** A token with the operator scope, as command-service issues to the seekers named operators. */
    public String operatorTokenFor(UUID seekerId) {
        Instant now = Instant.now();
        return sign(key, seekerId.toString(), ISSUER, now, now.plus(Duration.ofHours(1)), "operator");
    }

    public String expiredTokenFor(UUID seekerId) {
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        return sign(key, seekerId.toString(), ISSUER, issued, issued.plus(Duration.ofHours(1)));
    }

    /** Same key id and claims, but signed with a key command-service never published. */
    public String forgedTokenFor(UUID seekerId) {
        Instant now = Instant.now();
        return sign(impostor, seekerId.toString(), ISSUER, now, now.plus(Duration.ofHours(1)));
    }

    public String tokenFromOtherIssuer(UUID seekerId) {
        Instant now = Instant.now();
        return sign(key, seekerId.toString(), "http://elsewhere.test", now, now.plus(Duration.ofHours(1)));
    }

    public String tokenWithSubject(String subject) {
        Instant now = Instant.now();
        return sign(key, subject, ISSUER, now, now.plus(Duration.ofHours(1)));
    }

    private static String sign(RSAKey with, String subject, String issuer, Instant issuedAt, Instant expiresAt) {
        return sign(with, subject, issuer, issuedAt, expiresAt, null);
    }

    private static String sign(RSAKey with, String subject, String issuer, Instant issuedAt, Instant expiresAt,
            String scope) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .claim("handle", "seeker-" + subject.substring(0, Math.min(8, subject.length())))
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt));
        if (scope != null) {
            builder.claim("scope", scope);
        }
        JWTClaimsSet claims = builder.build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims);
        try {
            jwt.sign(new RSASSASigner(with));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }
}
