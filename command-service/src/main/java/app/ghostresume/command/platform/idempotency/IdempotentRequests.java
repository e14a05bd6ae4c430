package app.ghostresume.command.platform.idempotency;

import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Requests seen with an {@code Idempotency-Key}, per caller. A row is claimed before the request runs (so two
 * concurrent retries cannot both run it) and completed with the response afterwards. Kept for a day.
 */
@Repository
class IdempotentRequests {

    static final Duration RETENTION = Duration.ofHours(24);
    /** A claim left unfinished this long belongs to a request that died; a retry may take it over. */
    static final Duration LEASE = Duration.ofSeconds(60);

    private final JdbcClient jdbc;

    IdempotentRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for a request about to run: a new key, or the same request's claim whose lease ran out.
     *
     * @return true if this call claimed the key, false if it was seen before
     */
    boolean claim(String scope, String key, String fingerprint) {
        return jdbc.sql("""
                INSERT INTO idempotent_request (scope, idempotency_key, fingerprint)
                VALUES (:scope, :key, :fingerprint)
                ON CONFLICT (scope, idempotency_key) DO UPDATE SET created_at = now()
                WHERE idempotent_request.status IS NULL
                  AND idempotent_request.fingerprint = excluded.fingerprint
                  AND idempotent_request.created_at < now() - make_interval(secs => :lease)
                """)
                .param("scope", scope).param("key", key).param("fingerprint", fingerprint)
                .param("lease", LEASE.toSeconds())
                .update() == 1;
    }

    Optional<Seen> find(String scope, String key) {
        return jdbc.sql("""
                SELECT fingerprint, status, content_type, location, body FROM idempotent_request
                WHERE scope = :scope AND idempotency_key = :key
                """)
                .param("scope", scope).param("key", key)
                .query((rs, n) -> new Seen(rs.getString("fingerprint"), (Integer) rs.getObject("status"),
                        rs.getString("content_type"), rs.getString("location"), rs.getBytes("body")))
                .optional();
    }

    void complete(String scope, String key, int status, String contentType, String location, byte[] body) {
        jdbc.sql("""
                UPDATE idempotent_request
                SET status = :status, content_type = :contentType, location = :location, body = :body,
                    completed_at = now()
                WHERE scope = :scope AND idempotency_key = :key
                """)
                .param("status", status).param("contentType", contentType).param("location", location)
                .param("body", body).param("scope", scope).param("key", key)
                .update();
    }

    /** The request failed without a definite answer; a retry may run it again. */
    void release(String scope, String key) {
        jdbc.sql("DELETE FROM idempotent_request WHERE scope = :scope AND idempotency_key = :key AND status IS NULL")
                .param("scope", scope).param("key", key)
                .update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetOldRequests() {
        jdbc.sql("DELETE FROM idempotent_request WHERE created_at < now() - make_interval(secs => :seconds)")
                .param("seconds", RETENTION.toSeconds())
                .update();
    }

    /** A request seen before: its body's fingerprint and, once it finished, its response. */
    record Seen(String fingerprint, Integer status, String contentType, String location, byte[] body) {

        boolean completed() {
            return status != null;
        }
    }
}
