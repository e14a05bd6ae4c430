package app.ghostresume.command.platform.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.command.platform.web.Problems.ProblemException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with Argon2id (Spring Security's 5.8 defaults: 16 MB, two passes), which takes a
 * password of any length; hashes made earlier with bcrypt, which reads only a password's first 72 bytes, still
 * match. Hashing is made slow on purpose, so only a few requests may hash at once ({@code PASSWORD_HASHING_LIMIT},
 * by default half the processors), four more per permit may wait up to two seconds for a turn, and any beyond are
 * told at once to retry (503 {@code busy}): a storm of sign-ins then takes neither every core nor every request
 * thread from other seekers' commands.
 */
@Component
public class PasswordHashing {

    /** How long a sign-in or sign-up waits for its turn to hash, at most. */
    private static final Duration WAIT = Duration.ofSeconds(2);
    /** How many may wait for a turn per hashing permit; beyond, they are told at once to retry. */
    private static final int WAITING_PER_PERMIT = 4;

    private final PasswordEncoder encoder;
    private final Semaphore hashing;
    private final Semaphore waiting;

    @Autowired
    PasswordHashing(SecuritySettings settings) {
        this(settings.passwordHashingLimit());
    }

    PasswordHashing(int limit) {
        this(new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder())), limit);
    }

    PasswordHashing(PasswordEncoder encoder, int limit) {
        this.encoder = encoder;
        int permits = limit > 0 ? limit : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        this.hashing = new Semaphore(permits);
        this.waiting = new Semaphore(permits * (1 + WAITING_PER_PERMIT));
    }

    public String hash(String password) {
        return whileAllowed(() -> encoder.encode(password));
    }

    public boolean matches(String password, String hash) {
        return whileAllowed(() -> encoder.matches(password, hash));
    }

    private <T> T whileAllowed(Supplier<T> work) {
        if (!waiting.tryAcquire()) {
            throw busy();
        }
        try {
            boolean allowed;
            try {
                allowed = hashing.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                allowed = false;
            }
            if (!allowed) {
                throw busy();
            }
            try {
                return work.get();
            }
            finally {
                hashing.release();
            }
        }
        finally {
            waiting.release();
        }
    }

    private static ProblemException busy() {
        return new ProblemException(ProblemType.BUSY,
                "Too many sign-ins and sign-ups at once; nothing was done. Retry shortly.")
                .retryAfter(Duration.ofSeconds(1));
    }
}
