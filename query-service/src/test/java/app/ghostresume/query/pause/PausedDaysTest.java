package app.ghostresume.query.pause;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PausedDaysTest {

    private final PausedDays paused = PausedDays.of(List.of(pause("2026-11-09", "2026-11-12"),
            pause("2026-11-13", "2026-11-15"), pause("2026-11-10", "2026-11-11"), pause("2026-11-20", "2026-11-20")));

    @Test
    void touchingAndOverlappingPausesCoverTheirDaysTogether() {
        assertThat(paused.coversAll(date("2026-11-09"), date("2026-11-15"))).isTrue();
        assertThat(paused.coversAll(date("2026-11-09"), date("2026-11-16"))).isFalse();
        assertThat(paused.coversAll(date("2026-11-16"), date("2026-11-22"))).isFalse();
        assertThat(paused.contains(date("2026-11-20"))).isTrue();
        assertThat(paused.contains(date("2026-11-19"))).isFalse();
    }

    @Test
    void anyPausedDayInAPeriodIsSeen() {
        assertThat(paused.coversAny(date("2026-11-16"), date("2026-11-22"))).isTrue();
        assertThat(paused.coversAny(date("2026-11-21"), date("2026-11-30"))).isFalse();
        assertThat(PausedDays.NONE.coversAny(date("2026-11-01"), date("2026-11-30"))).isFalse();
    }

    private static Pauses.Pause pause(String from, String to) {
        return new Pauses.Pause(UUID.randomUUID(), date(from), date(to), null);
    }

    private static LocalDate date(String date) {
        return LocalDate.parse(date);
    }
}
