package app.ghostresume.query.challenge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks a challenge's members by rejections inside the window, most first (the point is to collect them); ties
 * are broken by attempts, more first, then by handle. Members with equal rejections and attempts share a rank
 * (competition ranking: 1, 2, 2, 4).
 */
public final class Leaderboard {

    /** By handle ignoring case, a member whose registration has not arrived yet (no handle) last. */
    static final Comparator<String> BY_HANDLE = Comparator.nullsLast(
            Comparator.comparing((String handle) -> handle.toLowerCase(java.util.Locale.ROOT))
                    .thenComparing(Comparator.naturalOrder()));

    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::rejections).reversed()
            .thenComparing(Comparator.comparingLong(Entry::attempts).reversed())
            .thenComparing(Entry::handle, BY_HANDLE);

    private Leaderboard() {
    }

    static List<Standing> rank(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(ORDER);
        List<Standing> standings = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Entry entry = sorted.get(i);
            Entry previous = i == 0 ? null : sorted.get(i - 1);
            if (previous == null || previous.rejections() != entry.rejections()
                    || previous.attempts() != entry.attempts()) {
                rank = i + 1;
            }
            standings.add(new Standing(rank, entry.handle(), entry.displayName(), entry.rejections(),
                    entry.attempts()));
        }
        return standings;
    }

    record Entry(String handle, String displayName, long rejections, long attempts) {
    }

    public record Standing(int rank, String handle, String displayName, long rejections, long attempts) {
    }
}
