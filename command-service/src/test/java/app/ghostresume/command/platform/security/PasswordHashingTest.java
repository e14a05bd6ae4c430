package app.ghostresume.command.platform.security;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import app.ghostresume.command.platform.web.Problems.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PasswordHashingTest {

    @Test
    void everyCharacterOfALongPasswordCountsAndBcryptHashesStillMatch() {
        PasswordHashing hashing = new PasswordHashing(1);
        String password = "é".repeat(199) + "a"; // 200 characters, 399 bytes: bcrypt would read only 72
        String hash = hashing.hash(password);
        assertThat(hash).startsWith("{argon2}");
        assertThat(hashing.matches(password, hash)).isTrue();
        assertThat(hashing.matches("é".repeat(199) + "b", hash)).isFalse();
        String bcrypt = "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()
                .encode("correct horse battery");
        assertThat(hashing.matches("correct horse battery", bcrypt)).isTrue();
    }

    @Test
    void whileEveryPermitIsHashingTheNextOneIsToldToRetryInsteadOfWaiting() throws Exception {
        CountDownLatch hashing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PasswordHashing limited = new PasswordHashing(new SlowEncoder(hashing, release), 1);
        Thread first = new Thread(() -> limited.hash("first password"));
        first.start();
        assertThat(hashing.await(10, TimeUnit.SECONDS)).isTrue();

        ProblemException busy = catchThrowableOfType(ProblemException.class, () -> limited.hash("second one"));
        assertThat(busy.getStatusCode().value()).isEqualTo(503);
        assertThat(busy.getHeaders().getFirst("Retry-After")).isEqualTo("1");

        release.countDown();
        first.join(10_000);
        assertThat(limited.hash("third one")).isEqualTo("hashed");
    }

    private record SlowEncoder(CountDownLatch hashing, CountDownLatch release) implements PasswordEncoder {

        @Override
        public String encode(CharSequence raw) {
            hashing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return "hashed";
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return encode(raw).equals(encoded);
        }
    }
}
