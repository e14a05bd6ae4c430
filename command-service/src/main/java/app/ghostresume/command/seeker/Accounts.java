package app.ghostresume.command.seeker;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sign-in credentials and the little the write side needs to know about a seeker. Handles are unique
 * regardless of case, by a unique index on {@code lower(handle)}, so no race lets two accounts share one.
 */
@Repository
public class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException if the handle is taken */
    void create(UUID seekerId, String handle, String passwordHash, ZoneId timeZone) {
        jdbc.sql("""
                INSERT INTO seeker_account (seeker_id, handle, password_hash, time_zone)
                VALUES (:seekerId, :handle, :passwordHash, :timeZone)
                """)
                .param("seekerId", seekerId)
                .param("handle", handle)
                .param("passwordHash", passwordHash)
                .param("timeZone", timeZone.getId())
                .update();
    }

    Optional<Account> findByHandle(String handle) {
        return jdbc.sql("SELECT seeker_id, handle, password_hash FROM seeker_account WHERE lower(handle) = lower(:handle)")
                .param("handle", handle)
                .query((rs, n) -> new Account(rs.getObject("seeker_id", UUID.class), rs.getString("handle"),
                        rs.getString("password_hash")))
                .optional();
    }

    Optional<Account> find(UUID seekerId) {
        return jdbc.sql("SELECT seeker_id, handle, password_hash FROM seeker_account WHERE seeker_id = :seekerId")
                .param("seekerId", seekerId)
                .query((rs, n) -> new Account(rs.getObject("seeker_id", UUID.class), rs.getString("handle"),
                        rs.getString("password_hash")))
                .optional();
    }

    /** The seeker's time zone, which decides what "today" is for them. */
    public Optional<ZoneId> timeZoneOf(UUID seekerId) {
        return jdbc.sql("SELECT time_zone FROM seeker_account WHERE seeker_id = :seekerId")
                .param("seekerId", seekerId)
                .query((rs, n) -> ZoneId.of(rs.getString(1)))
                .optional();
    }

    /** When the seeker's account was made, by the database's clock. */
    public Optional<Instant> createdAt(UUID seekerId) {
        return jdbc.sql("SELECT created_at FROM seeker_account WHERE seeker_id = :seekerId")
                .param("seekerId", seekerId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    record Account(UUID seekerId, String handle, String passwordHash) {
    }
}
