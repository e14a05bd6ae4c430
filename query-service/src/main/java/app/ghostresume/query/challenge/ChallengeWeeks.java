package app.ghostresume.query.challenge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Challenge weeks are counted from the challenge's first day, not ISO weeks: days 1 to 7 are week 1, days 8 to 14
 * week 2, and so on; the last week ends with the challenge and may be short.
 */
final class ChallengeWeeks {

    private ChallengeWeeks() {
    }

    static List<Week> of(LocalDate startsOn, LocalDate endsOn) {
        List<Week> weeks = new ArrayList<>();
        for (LocalDate start = startsOn; !start.isAfter(endsOn); start = start.plusDays(7)) {
            LocalDate end = start.plusDays(6);
            weeks.add(new Week(weeks.size() + 1, start, end.isAfter(endsOn) ? endsOn : end));
        }
        return weeks;
    }

    record Week(int week, LocalDate startsOn, LocalDate endsOn) {
    }
}
