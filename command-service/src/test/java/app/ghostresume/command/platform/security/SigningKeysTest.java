package app.ghostresume.command.platform.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/** A key pair supplied as PEM files by configuration is used as it is, without touching the database. */
class SigningKeysTest {

    @TempDir
    Path folder;

    @Test
    void signsWithTheConfiguredKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path privatePem = write("private.pem", "PRIVATE KEY", pair.getPrivate().getEncoded());
        Path publicPem = write("public.pem", "PUBLIC KEY", pair.getPublic().getEncoded());

        SigningKeys keys = new SigningKeys(null, new FileSystemResource(privatePem), new FileSystemResource(publicPem));

        assertThat(keys.publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(keys.key().toRSAPrivateKey().getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(keys.key().getKeyID()).isEqualTo(
                new SigningKeys(null, new FileSystemResource(privatePem), new FileSystemResource(publicPem))
                        .key().getKeyID());
    }

    private Path write(String name, String type, byte[] der) throws Exception {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        return Files.writeString(folder.resolve(name), pem);
    }
}
