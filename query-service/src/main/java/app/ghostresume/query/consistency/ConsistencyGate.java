package app.ghostresume.query.consistency;

import java.time.Duration;
import java.util.UUID;

import app.ghostresume.query.consumption.ProjectionProgress;
import app.ghostresume.query.system.ApiProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Waits, up to {@code query.consistency.timeout}, until the caller's event named by a token is in
 * {@code seeker_event}, which it is once every read model has applied it (same transaction). Checks again after
 * each committed batch, and at least every 100 ms in case another instance did the projecting.
 */
@Component
class ConsistencyGate {

    private static final Duration RECHECK = Duration.ofMillis(100);

    private final JdbcClient jdbc;
    private final ProjectionProgress progress;
    private final Duration timeout;

    ConsistencyGate(JdbcClient jdbc, ProjectionProgress progress,
            @Value("${query.consistency.timeout:5s}") Duration timeout) {
        this.jdbc = jdbc;
        this.progress = progress;
        this.timeout = timeout;
    }

    void awaitProjected(ConsistencyToken token, UUID seekerId) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isProjected(token, seekerId)) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw ApiProblem.notYetConsistent("Event " + token.aggregateSequence() + " of " + token.aggregateId()
                        + " is not reflected yet; retry shortly.");
            }
            try {
                progress.awaitNextBatch(Duration.ofNanos(Math.min(remaining, RECHECK.toNanos())));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw ApiProblem.notYetConsistent("Interrupted while waiting for " + token.aggregateId() + ".");
            }
        }
    }

    private boolean isProjected(ConsistencyToken token, UUID seekerId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM seeker_event
                               WHERE aggregate_id = :aggregateId AND aggregate_sequence >= :sequence
                                 AND seeker_id = :seekerId)
                """)
                .param("aggregateId", token.aggregateId())
                .param("sequence", token.aggregateSequence())
                .param("seekerId", seekerId)
                .query(Boolean.class)
                .single();
    }
}
