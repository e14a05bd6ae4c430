package app.ghostresume.query.platform;

import java.util.List;

/** One page of a keyset-paginated list; {@code nextCursor} is {@code null} on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
}
