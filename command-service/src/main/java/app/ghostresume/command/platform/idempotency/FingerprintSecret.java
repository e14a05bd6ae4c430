package app.ghostresume.command.platform.idempotency;

import java.security.SecureRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The key request fingerprints are hashed with: made once, kept in {@code server_secret}. */
@Component
class FingerprintSecret {

    private static final String NAME = "idempotency-fingerprint-key";

    private final byte[] bytes;

    FingerprintSecret(JdbcClient jdbc) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("INSERT INTO server_secret (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                .param("name", NAME).param("value", fresh).update();
        this.bytes = jdbc.sql("SELECT value FROM server_secret WHERE name = :name").param("name", NAME)
                .query(byte[].class).single();
    }

    byte[] bytes() {
        return bytes.clone();
    }
}
