package app.ghostresume.command.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where each import stands, in {@code attempt_import}: readable rows done of all of them, attempts created, rows an
 * earlier import had brought in already, and the refused rows. An import whose count has not moved for
 * {@link #STALLED_AFTER} while unfinished was cut short (a restart) and reads as such.
 */
@Component
class Imports {

    static final Duration STALLED_AFTER = Duration.ofMinutes(1);

    private static final TypeReference<List<Refused>> REFUSALS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Imports(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A row refused, with its first line in the file. */
    record Refused(long line, String reason) {
    }

    /** How far an import has come; {@code state} is RUNNING, DONE or INTERRUPTED. */
    record Progress(UUID importId, int total, int done, int created, int alreadyImported, List<Refused> refused,
            String state, Instant startedAt, Instant updatedAt) {
    }

    void start(UUID importId, UUID seekerId, int total, List<Refused> refused) {
        OffsetDateTime now = now();
        jdbc.sql("""
                INSERT INTO attempt_import (import_id, seeker_id, total, done, refused, finished, started_at,
                        updated_at)
                VALUES (:importId, :seekerId, :total, :done, CAST(:refused AS jsonb), :finished, :now, :now)
                """)
                .param("importId", importId)
                .param("seekerId", seekerId)
                .param("total", total)
                .param("done", refused.size())
                .param("refused", json.writeValueAsString(refused))
                .param("finished", refused.size() == total)
                .param("now", now)
                .update();
    }

    /** Adds what a stretch of rows came to. */
    void advance(UUID importId, int done, int created, int already, List<Refused> refused, boolean finished) {
        jdbc.sql("""
                UPDATE attempt_import
                SET done = done + :done, created = created + :created, already = already + :already,
                    refused = refused || CAST(:refused AS jsonb), finished = :finished, updated_at = :now
                WHERE import_id = :importId
                """)
                .param("importId", importId)
                .param("done", done)
                .param("created", created)
                .param("already", already)
                .param("refused", json.writeValueAsString(refused))
                .param("finished", finished)
                .param("now", now())
                .update();
    }

    /** The import, for the seeker who started it only. */
    Optional<Progress> find(UUID importId, UUID seekerId) {
        Instant stalledBefore = clock.instant().minus(STALLED_AFTER);
        return jdbc.sql("""
                SELECT import_id, total, done, created, already, refused::text AS refused, finished, started_at,
                       updated_at
                FROM attempt_import WHERE import_id = :importId AND seeker_id = :seekerId
                """)
                .param("importId", importId)
                .param("seekerId", seekerId)
                .query((rs, row) -> {
                    Instant updatedAt = rs.getObject("updated_at", OffsetDateTime.class).toInstant();
                    String state = rs.getBoolean("finished") ? "DONE"
                            : updatedAt.isBefore(stalledBefore) ? "INTERRUPTED" : "RUNNING";
                    return new Progress(rs.getObject("import_id", UUID.class), rs.getInt("total"), rs.getInt("done"),
                            rs.getInt("created"), rs.getInt("already"), json.readValue(rs.getString("refused"),
                                    REFUSALS), state, rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                            updatedAt);
                })
                .optional();
    }

    /** Which of the attempts exist already: those an earlier import (or a client) recorded. */
    Set<UUID> existing(Collection<UUID> attemptIds) {
        if (attemptIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                SELECT aggregate_identifier FROM domain_event_entry
                WHERE aggregate_identifier = ANY (CAST(:ids AS text[])) AND sequence_number = 0
                """)
                .param("ids", attemptIds.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, row) -> UUID.fromString(rs.getString(1)))
                .list());
    }

    /** Whether the seeker has an import running (unfinished and still moving). */
    boolean running(UUID seekerId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM attempt_import
                               WHERE seeker_id = :seekerId AND NOT finished AND updated_at >= :stalledBefore)
                """)
                .param("seekerId", seekerId)
                .param("stalledBefore", OffsetDateTime.ofInstant(clock.instant().minus(STALLED_AFTER), ZoneOffset.UTC))
                .query(Boolean.class)
                .single();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
