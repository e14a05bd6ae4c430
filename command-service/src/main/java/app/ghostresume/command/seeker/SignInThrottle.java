package app.ghostresume.command.seeker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Supplier;

import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.command.platform.security.SecuritySettings;
import app.ghostresume.command.platform.web.Problems.ProblemException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Throttles guessing: each handle, and each client address (an IPv6 one by its /64), may fail to sign in only so often
 * ({@code SIGN_IN_FAILURES_PER_HANDLE}, 5, and {@code SIGN_IN_FAILURES_PER_CLIENT}, 30, each per
 * {@code SIGN_IN_FAILURE_WINDOW}, 15 minutes, coming back evenly over it). A sign-in takes one from both before
 * its password is checked and gives it back when the password was right, so only failures count; once either is
 * spent, sign-ins for that handle or from that client are refused with 429 and {@code Retry-After}, before any
 * hashing, until one has come back. Counted by this instance (token buckets of Bucket4j, kept for the window):
 * behind a load balancer with N instances, a guesser gets at most N times the allowance.
 */
@Component
class SignInThrottle {

    private final Cache<String, Bucket> handles;
    private final Cache<String, Bucket> clients;
    private final Supplier<Bucket> perHandle;
    private final Supplier<Bucket> perClient;

    @Autowired
    SignInThrottle(SecuritySettings settings) {
        this(settings.signIn().failuresPerHandle(), settings.signIn().failuresPerClient(),
                settings.signIn().failureWindow());
    }

    SignInThrottle(int failuresPerHandle, int failuresPerClient, Duration window) {
        this.handles = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(100_000).build();
        this.clients = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(100_000).build();
        this.perHandle = () -> bucket(failuresPerHandle, window);
        this.perClient = () -> bucket(failuresPerClient, window);
    }

    /** Runs a sign-in check; refused at once while the handle or the client has failed too often lately. */
    boolean attempt(String handle, String client, Supplier<Boolean> passwordMatches) {
        Bucket forHandle = handles.get(handle.toLowerCase(Locale.ROOT), key -> perHandle.get());
        Bucket forClient = clients.get(clientOf(client), key -> perClient.get());
        ConsumptionProbe byHandle = forHandle.tryConsumeAndReturnRemaining(1);
        if (!byHandle.isConsumed()) {
            throw refused(byHandle);
        }
        ConsumptionProbe byClient = forClient.tryConsumeAndReturnRemaining(1);
        if (!byClient.isConsumed()) {
            forHandle.addTokens(1);
            throw refused(byClient);
        }
        boolean failed = false;
        try {
            failed = !passwordMatches.get();
            return !failed;
        }
        finally {
            // only a wrong password costs anything: not a right one, nor a check that never ran (too busy)
            if (!failed) {
                forHandle.addTokens(1);
                forClient.addTokens(1);
            }
        }
    }

    /** An IPv6 client is its /64, which one subscriber usually holds whole; an IPv4 client its address. */
    static String clientOf(String address) {
        if (address == null || !address.contains(":")) {
            return address == null ? "?" : address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        }
        catch (UnknownHostException ex) {
            return address;
        }
    }

    private static ProblemException refused(ConsumptionProbe probe) {
        return new ProblemException(ProblemType.TOO_MANY_SIGN_INS,
                "Too many failed sign-ins for this handle or from this address; try again later.")
                .retryAfter(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private static Bucket bucket(int failures, Duration window) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(failures).refillGreedy(failures, window))
                .build();
    }
}
