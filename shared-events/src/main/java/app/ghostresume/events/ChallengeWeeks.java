package app.ghostresume.events;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A challenge's weeks, the one definition of them: counted from the challenge's first day, not ISO weeks. Days 1
 * to 7 are week 1, days 8 to 14 week 2, and so on; the last week ends with the challenge and may be short.
 */
public final class ChallengeWeeks {

    private ChallengeWeeks() {
    }

    /** The weeks of a challenge running {@code startsOn} to {@code endsOn}, in order. */
    public static List<Week> of(LocalDate startsOn, LocalDate endsOn) {
        List<Week> weeks = new ArrayList<>();
        for (LocalDate start = startsOn; !start.isAfter(endsOn); start = start.plusDays(7)) {
            LocalDate end = start.plusDays(6);
            weeks.add(new Week(weeks.size() + 1, start, end.isAfter(endsOn) ? endsOn : end));
        }
        return weeks;
    }

    /** The number (from 1) of the challenge week containing {@code day}; 0 or less before the challenge. */
    public static int weekOf(LocalDate startsOn, LocalDate day) {
        return (int) Math.floorDiv(ChronoUnit.DAYS.between(startsOn, day), 7) + 1;
    }

    /** Week {@code week} (from 1) of a challenge, {@code startsOn} to {@code endsOn}. */
    public record Week(int week, LocalDate startsOn, LocalDate endsOn) {
    }
}
