package app.ghostresume.command.goal;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each seeker's goals as the command side needs them, in {@code seeker_goal}: enough to count their active ones
 * (not retired, not over) before a new one is set. Used inside the command's transaction.
 */
@Component
class SeekerGoals {

    private final JdbcClient jdbc;

    SeekerGoals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The seeker's active goals on {@code today}, counted under a lock on their account row, so two goals set at
     * once cannot both slip under the limit.
     */
    int activeOn(UUID seekerId, LocalDate today) {
        jdbc.sql("SELECT 1 FROM seeker_account WHERE seeker_id = :seekerId FOR UPDATE")
                .param("seekerId", seekerId).query().listOfRows();
        return jdbc.sql("""
                SELECT count(*) FROM seeker_goal
                WHERE seeker_id = :seekerId AND NOT retired AND (ends_on IS NULL OR ends_on >= :today)
                """)
                .param("seekerId", seekerId).param("today", today).query(Integer.class).single();
    }

    void add(UUID goalId, UUID seekerId, LocalDate endsOn) {
        jdbc.sql("""
                INSERT INTO seeker_goal (goal_id, seeker_id, ends_on) VALUES (:goalId, :seekerId, :endsOn)
                ON CONFLICT DO NOTHING
                """)
                .param("goalId", goalId).param("seekerId", seekerId).param("endsOn", endsOn).update();
    }

    void retired(UUID goalId) {
        jdbc.sql("UPDATE seeker_goal SET retired = true WHERE goal_id = :goalId").param("goalId", goalId).update();
    }
}
