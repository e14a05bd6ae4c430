package app.ghostresume.command.goal;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each seeker's goals as the command side needs them, in {@code seeker_goal}: enough to count the ones not retired
 * before a new one is set (every read evaluates all of them, over or not). Used inside the command's transaction.
 */
@Component
class SeekerGoals {

    private final JdbcClient jdbc;

    SeekerGoals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The seeker's goals not retired, counted under a lock on their account row, so two goals set at once cannot
     * both slip under the limit.
     */
    int notRetired(UUID seekerId) {
        jdbc.sql("SELECT 1 FROM seeker_account WHERE seeker_id = :seekerId FOR UPDATE")
                .param("seekerId", seekerId).query().listOfRows();
        return jdbc.sql("SELECT count(*) FROM seeker_goal WHERE seeker_id = :seekerId AND NOT retired")
                .param("seekerId", seekerId).query(Integer.class).single();
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
