package app.ghostresume.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import app.ghostresume.stack.EmbeddedPostgresServer;
import app.ghostresume.stack.testing.LiveReadModels;

/**
 * How far a query-service instance has projected, read where it keeps it: the next offsets it commits in the
 * same transaction as its read models ({@code consumer_offset} of the live generation). So "caught up to the end offsets" here means the
 * read models reflect every record, not merely that the records were fetched.
 */
final class ProjectedOffsets {

    private final String jdbcUrl;
    private final String topic;

    ProjectedOffsets(String jdbcUrl, String topic) {
        this.jdbcUrl = jdbcUrl;
        this.topic = topic;
    }

    /** Records projected so far (the sum of stored next offsets); 0 while the schema is not there yet. */
    long total() {
        try (Connection db = LiveReadModels.connect(jdbcUrl, EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
                PreparedStatement select = db.prepareStatement(
                        "SELECT coalesce(sum(next_offset), 0) FROM consumer_offset WHERE topic = ?")) {
            select.setString(1, topic);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
        catch (SQLException ex) {
            return 0; // database or table not created yet: the service is still starting
        }
    }

    /**
     * Waits until {@code target} records are projected or {@code limit} passes, sampling every
     * {@code every}. Notes when progress was first seen, so a rate can leave out the service's start-up.
     */
    Progress awaitTotal(long target, Duration limit, Duration every) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        long firstSeenAt = -1;
        long firstSeen = 0;
        long total = total();
        while (total < target && System.nanoTime() < deadline) {
            Thread.sleep(every.toMillis());
            total = total();
            if (firstSeenAt < 0 && total > 0) {
                firstSeenAt = System.nanoTime();
                firstSeen = total;
            }
        }
        long end = System.nanoTime();
        return new Progress(total, total >= target, (end - start) / 1e9,
                firstSeenAt < 0 ? 0 : (end - firstSeenAt) / 1e9, firstSeen);
    }

    /**
     * @param seconds           from the call to the end
     * @param secondsFromFirst  from the first sample showing progress to the end
     * @param firstSeen         records projected at that first sample
     */
    record Progress(long projected, boolean caughtUp, double seconds, double secondsFromFirst, long firstSeen) {
    }
}
