package app.ghostresume.command.seeker;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.ghostresume.events.Category;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The write side's lookup of each seeker's {@link ResponseWindows}, which attempt commands need when they set an
 * attempt's deadlines (aggregates know only their own events, so the windows travel in the command).
 *
 * <p>One row per seeker and category in {@code seeker_response_window}, written by the settings endpoint in the
 * same transaction as its {@code SeekerSettingsChanged} event, so the two never disagree. A seeker without rows
 * has the defaults, and a category without a row (one added later) takes its default.
 */
@Repository
public class SeekerSettings {

    private final JdbcClient jdbc;

    SeekerSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ResponseWindows windowsOf(UUID seekerId) {
        Map<Category, Integer> ghosting = new EnumMap<>(Category.class);
        Map<Category, Integer> followUp = new EnumMap<>(Category.class);
        jdbc.sql("SELECT category, ghosting_days, follow_up_days FROM seeker_response_window WHERE seeker_id = :seekerId")
                .param("seekerId", seekerId)
                .query((RowCallbackHandler) rs -> {
                    Optional<Category> category = known(rs.getString("category"));
                    if (category.isPresent()) {
                        ghosting.put(category.get(), rs.getInt("ghosting_days"));
                        followUp.put(category.get(), rs.getInt("follow_up_days"));
                    }
                });
        return ResponseWindows.defaults().overriddenBy(ghosting, followUp);
    }

    /** Stores the complete windows; runs in the caller's transaction. */
    void save(UUID seekerId, ResponseWindows windows) {
        for (Category category : Category.values()) {
            jdbc.sql("""
                    INSERT INTO seeker_response_window (seeker_id, category, ghosting_days, follow_up_days)
                    VALUES (:seekerId, :category, :ghosting, :followUp)
                    ON CONFLICT (seeker_id, category)
                    DO UPDATE SET ghosting_days = excluded.ghosting_days, follow_up_days = excluded.follow_up_days
                    """)
                    .param("seekerId", seekerId)
                    .param("category", category.name())
                    .param("ghosting", windows.ghostingDays(category))
                    .param("followUp", windows.followUpDays(category))
                    .update();
        }
    }

    /** A category renamed or dropped since the row was written is skipped rather than failing every command. */
    private static Optional<Category> known(String name) {
        return Arrays.stream(Category.values()).filter(category -> category.name().equals(name)).findFirst();
    }
}
