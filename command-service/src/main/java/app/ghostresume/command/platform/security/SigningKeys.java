package app.ghostresume.command.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.stereotype.Component;

/**
 * The key pair tokens are signed with. Supplied as PEM files by configuration, or else generated on first
 * start and kept in the {@code server_secret} table, so restarts and other instances sign and verify with
 * the same key.
 */
@Component
class SigningKeys {

    private static final String PRIVATE = "jwt-private-key";
    private static final String PUBLIC = "jwt-public-key";

    private final RSAKey key;

    @Autowired
    SigningKeys(JdbcClient jdbc, SecuritySettings settings, ResourceLoader resources) {
        this(jdbc, pem(resources, settings.jwt().privateKeyLocation()), pem(resources,
                settings.jwt().publicKeyLocation()));
    }

    SigningKeys(JdbcClient jdbc, Resource privateKeyPem, Resource publicKeyPem) {
        KeyPair pair = privateKeyPem != null && privateKeyPem.exists() && publicKeyPem != null && publicKeyPem.exists()
                ? fromPem(privateKeyPem, publicKeyPem)
                : fromDatabase(jdbc);
        try {
            RSAKey withoutId = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate()).build();
            this.key = new RSAKey.Builder(withoutId)
                    .keyID(withoutId.computeThumbprint().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("could not derive the key id", ex);
        }
    }

    /** The PEM file at {@code location}; {@code null} when none is configured. */
    private static Resource pem(ResourceLoader resources, String location) {
        return location == null || location.isBlank() ? null : resources.getResource(location);
    }

    RSAKey key() {
        return key;
    }

    RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static KeyPair fromPem(Resource privateKeyPem, Resource publicKeyPem) {
        try (InputStream privateIn = privateKeyPem.getInputStream(); InputStream publicIn = publicKeyPem.getInputStream()) {
            return new KeyPair(RsaKeyConverters.x509().convert(publicIn), RsaKeyConverters.pkcs8().convert(privateIn));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not read the configured signing keys", ex);
        }
    }

    /**
     * A pair is generated only on the very first start. Concurrent first starts race on the insert; everyone
     * then reads the one pair that won.
     */
    private static KeyPair fromDatabase(JdbcClient jdbc) {
        if (read(jdbc, PRIVATE).isEmpty()) {
            KeyPair generated = generate();
            jdbc.sql("""
                    INSERT INTO server_secret (name, value) VALUES (:private, :privateKey), (:public, :publicKey)
                    ON CONFLICT (name) DO NOTHING
                    """)
                    .param("private", PRIVATE).param("privateKey", generated.getPrivate().getEncoded())
                    .param("public", PUBLIC).param("publicKey", generated.getPublic().getEncoded())
                    .update();
        }
        byte[] privateKey = read(jdbc, PRIVATE).orElseThrow();
        byte[] publicKey = read(jdbc, PUBLIC).orElseThrow();
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(publicKey)),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
        }
        catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
            throw new IllegalStateException("the stored signing key is unreadable", ex);
        }
    }

    private static Optional<byte[]> read(JdbcClient jdbc, String name) {
        return jdbc.sql("SELECT value FROM server_secret WHERE name = :name").param("name", name)
                .query(byte[].class).optional();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
