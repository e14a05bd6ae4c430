package app.ghostresume.query.settings;

import java.util.Map;
import java.util.TreeMap;

import app.ghostresume.events.Category;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.SeekerSettingsChanged;
import app.ghostresume.query.consumption.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code seeker_settings} from SeekerSettingsChanged. The event carries every category, but a category it
 * leaves out keeps what it had (or its default): the stored maps are merged, the event's values winning.
 */
@Component
class SettingsProjection implements Projection {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SettingsProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.payload() instanceof SeekerSettingsChanged changed) {
            jdbc.sql("""
                    INSERT INTO seeker_settings (seeker_id, ghosting_days, follow_up_days)
                    VALUES (:seekerId, CAST(:ghostingDays AS jsonb), CAST(:followUpDays AS jsonb))
                    ON CONFLICT (seeker_id) DO UPDATE
                    SET ghosting_days = seeker_settings.ghosting_days || excluded.ghosting_days,
                        follow_up_days = seeker_settings.follow_up_days || excluded.follow_up_days
                    """)
                    .param("seekerId", event.seekerId())
                    .param("ghostingDays", days(changed.ghostingDays()))
                    .param("followUpDays", days(changed.followUpDays()))
                    .update();
        }
    }

    private String days(Map<Category, Integer> byCategory) {
        Map<String, Integer> days = new TreeMap<>();
        if (byCategory != null) {
            byCategory.forEach((category, value) -> {
                if (category != null && value != null) {
                    days.put(category.name(), value);
                }
            });
        }
        return json.writeValueAsString(days);
    }
}
