package app.ghostresume.command.seeker;

import java.time.Duration;

import app.ghostresume.command.platform.web.Problems.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SignInThrottleTest {

    private final SignInThrottle throttle = new SignInThrottle(3, 5, Duration.ofMinutes(15));

    @Test
    void aHandleThatFailedTooOftenIsRefusedBeforeItsPasswordIsCheckedEvenTheRightOne() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.attempt("Nora", "10.0.0.1", () -> false)).isFalse();
        }
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> throttle.attempt("nora", "10.0.0.2", () -> {
                    throw new AssertionError("the password must not be checked");
                }));
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getBody().getType().toString()).endsWith("/too-many-sign-ins");
        // one failure comes back every five minutes
        assertThat(Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 300L);
    }

    @Test
    void aClientThatFailedTooOftenIsRefusedForEveryHandle() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.attempt("guess-" + i, "10.0.0.9", () -> false)).isFalse();
        }
        assertThatThrownBy(() -> throttle.attempt("someone-else", "10.0.0.9", () -> true))
                .isInstanceOf(ProblemException.class);
        assertThat(throttle.attempt("someone-else", "10.0.0.10", () -> true)).isTrue();
    }

    @Test
    void aCheckThatNeverRanCostsNothing() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> throttle.attempt("busy", "10.0.0.6", () -> {
                throw new IllegalStateException("too busy to hash");
            })).isInstanceOf(IllegalStateException.class);
        }
        assertThat(throttle.attempt("busy", "10.0.0.6", () -> true)).isTrue();
    }

    @Test
    void anIpv6ClientIsItsSlash64() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.attempt("v6-" + i, "2001:db8:1:2::" + (i + 1), () -> false)).isFalse();
        }
        assertThatThrownBy(() -> throttle.attempt("v6-other", "2001:db8:1:2:ffff::9", () -> true))
                .isInstanceOf(ProblemException.class);
        assertThat(throttle.attempt("v6-other", "2001:db8:1:3::1", () -> true)).isTrue();
        assertThat(SignInThrottle.clientOf("10.1.2.3")).isEqualTo("10.1.2.3");
    }

    @Test
    void onlyFailuresCount() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.attempt("lucky", "10.0.0.3", () -> true)).isTrue();
        }
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.attempt("lucky", "10.0.0.3", () -> false)).isFalse();
        }
        assertThatThrownBy(() -> throttle.attempt("lucky", "10.0.0.3", () -> true))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void aRefusalByTheClientLimitCostsTheHandleNothing() {
        for (int i = 0; i < 5; i++) {
            throttle.attempt("other-" + i, "10.0.0.4", () -> false);
        }
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> throttle.attempt("victim", "10.0.0.4", () -> false))
                    .isInstanceOf(ProblemException.class);
        }
        // the victim, from elsewhere, still has every one of its tries
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.attempt("victim", "10.0.0.5", () -> false)).isFalse();
        }
    }
}
