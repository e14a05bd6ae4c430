package app.ghostresume.query.platform;

import java.util.List;

/**
 * One page of a keyset-paginated list; {@code nextCursor} is {@code null} on the last page. The queries that read a
 * page write its size into their SQL ({@code LIMIT 21}, a validated int), never as a parameter: for
 * {@code LIMIT $1} PostgreSQL's generic plan guesses a tenth of the rows, so it planned such a statement anew on
 * every execution (about three quarters of a feed page's database time at 1M events).
 */
public record Page<T>(List<T> items, String nextCursor) {
}
