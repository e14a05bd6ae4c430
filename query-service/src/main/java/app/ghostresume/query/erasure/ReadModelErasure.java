package app.ghostresume.query.erasure;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.PersonalFields;
import app.ghostresume.events.SeekerErased;
import app.ghostresume.security.RememberedTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What every read model drops or keeps of a seeker who erased their account, all in one place. It runs after every
 * projection has applied a batch, for the seekers erased in it and for those erased before who still had events in
 * it (an event keyed by a challenge or a share can come after its seeker's erasure, notably in a rebuild), so it
 * holds whatever order the partitions are read in. What they wrote is gone anyway (their key is shredded, so it
 * arrives as {@link PersonalFields#ERASED}); this removes what the read models hold from before.
 *
 * <ul>
 * <li>Dropped: their goals and target changes, pauses, settings, reflections, and their shares from every feed
 *     (with the support and reports those shares got).</li>
 * <li>Anonymised: their seeker row (no handle, no display name, no public ghost résumé: unknown to every lookup,
 *     "a former member" in a challenge), their attempts on the board (no target, title, notes or stage wording;
 *     kept as counts, so challenge tables and goals others see do not change shape), the support they gave (no
 *     message), the reports they made (no reason), and their events in the journal (no personal field).</li>
 * <li>Kept on the board: an attempt's normalised target only where other seekers name the same target, so that
 *     pooled target statistics keep their counts while a target only they named goes with them.</li>
 * </ul>
 */
@Component
public class ReadModelErasure {

    /** Every personal field name any event has: what the journal's copies lose. */
    private static final String[] PERSONAL_NAMES = PersonalFields.namesInAnyEvent().toArray(String[]::new);

    private final JdbcClient jdbc;
    private final ObjectProvider<JwtDecoder> tokens;

    ReadModelErasure(JdbcClient jdbc, ObjectProvider<JwtDecoder> tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    /** After the projections applied {@code events}: erases whoever is erased among their seekers. */
    public void afterBatch(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return;
        }
        Set<UUID> erased = new HashSet<>();
        Set<UUID> others = new HashSet<>();
        for (EventEnvelope event : events) {
            if (event.payload() instanceof SeekerErased erasure) {
                jdbc.sql("UPDATE seeker SET erased_on = coalesce(erased_on, :day) WHERE seeker_id = :seeker")
                        .param("day", erasure.erasedOn()).param("seeker", erasure.seekerId()).update();
                erased.add(erasure.seekerId());
                forgetTokensOnceCommitted(erasure.seekerId());
            }
            else {
                others.add(event.seekerId());
            }
        }
        others.removeAll(erased);
        if (!others.isEmpty()) {
            erased.addAll(jdbc.sql("SELECT seeker_id FROM seeker WHERE seeker_id = ANY(:seekers) "
                    + "AND erased_on IS NOT NULL").param("seekers", others.toArray(UUID[]::new))
                    .query(UUID.class).list());
        }
        if (!erased.isEmpty()) {
            erase(erased.toArray(UUID[]::new));
        }
    }

    /** Once the erasure is committed, the seeker's tokens are verified again, and refused ({@link ErasedSeekers}). */
    private void forgetTokensOnceCommitted(UUID seeker) {
        if (!(tokens.getIfAvailable() instanceof RememberedTokens remembered)) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remembered.forgetSubject(seeker.toString());
                }
            });
        }
        else {
            remembered.forgetSubject(seeker.toString());
        }
    }

    private void erase(UUID[] seekers) {
        run("""
                UPDATE seeker SET handle = NULL, display_name = NULL, public_ghost_resume = false
                WHERE seeker_id = ANY(:seekers)""", seekers);
        run("""
                UPDATE attempt_board b
                SET target = NULL, title = NULL, notes = NULL,
                    stage = CASE WHEN b.stage IS NULL THEN NULL ELSE :erased END,
                    target_key = CASE WHEN EXISTS (SELECT 1 FROM attempt_board o
                                                   WHERE o.target_key = b.target_key
                                                     AND o.seeker_id <> ALL(:seekers))
                                      THEN b.target_key END
                WHERE b.seeker_id = ANY(:seekers)
                  AND (b.target IS NOT NULL OR b.title IS NOT NULL OR b.notes IS NOT NULL
                       OR b.stage IS DISTINCT FROM CASE WHEN b.stage IS NULL THEN NULL ELSE :erased END
                       OR b.target_key IS NOT NULL)""", seekers);
        run("DELETE FROM reflection WHERE seeker_id = ANY(:seekers)", seekers);
        run("""
                DELETE FROM goal_target_change WHERE goal_id IN (SELECT goal_id FROM goal
                                                                 WHERE seeker_id = ANY(:seekers))""", seekers);
        run("DELETE FROM goal WHERE seeker_id = ANY(:seekers)", seekers);
        run("DELETE FROM pause WHERE seeker_id = ANY(:seekers)", seekers);
        run("DELETE FROM seeker_settings WHERE seeker_id = ANY(:seekers)", seekers);
        run("""
                DELETE FROM share_support WHERE share_id IN (SELECT share_id FROM share
                                                             WHERE author_id = ANY(:seekers))""", seekers);
        run("""
                DELETE FROM share_report WHERE share_id IN (SELECT share_id FROM share
                                                            WHERE author_id = ANY(:seekers))""", seekers);
        run("""
                UPDATE share SET story = NULL, stage_reached = NULL, active = false
                WHERE author_id = ANY(:seekers)
                  AND (active OR story IS NOT NULL OR stage_reached IS NOT NULL)""", seekers);
        run("UPDATE share_support SET message = NULL WHERE supporter_id = ANY(:seekers) AND message IS NOT NULL",
                seekers);
        run("UPDATE share_report SET reason = :erased WHERE reporter_id = ANY(:seekers) AND reason <> :erased",
                seekers);
        jdbc.sql("""
                UPDATE seeker_event SET details = details - CAST(:names AS text[])
                WHERE seeker_id = ANY(:seekers) AND jsonb_exists_any(details, CAST(:names AS text[]))""")
                .param("names", PERSONAL_NAMES).param("seekers", seekers).update();
    }

    private void run(String sql, UUID[] seekers) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("seekers", seekers);
        if (sql.contains(":erased")) {
            statement = statement.param("erased", PersonalFields.ERASED);
        }
        statement.update();
    }
}
