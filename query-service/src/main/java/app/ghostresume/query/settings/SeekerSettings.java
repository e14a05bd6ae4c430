package app.ghostresume.query.settings;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.Category;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a seeker's effective windows: what they set for a category, else the default. Defaults: ghosted after 30
 * days (60 for GRANT and ADMISSION, 14 for DATING and SOCIAL); follow-up after 7 days (21 for GRANT and
 * ADMISSION, 3 for DATING and SOCIAL).
 */
@Component
class SeekerSettings {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SeekerSettings(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Settings of(UUID seekerId) {
        return jdbc.sql("SELECT ghosting_days, follow_up_days FROM seeker_settings WHERE seeker_id = :seekerId")
                .param("seekerId", seekerId)
                .query((rs, row) -> new Settings(
                        effective(rs.getString("ghosting_days"), SeekerSettings::defaultGhostingDays),
                        effective(rs.getString("follow_up_days"), SeekerSettings::defaultFollowUpDays)))
                .optional()
                .orElseGet(() -> new Settings(effective(null, SeekerSettings::defaultGhostingDays),
                        effective(null, SeekerSettings::defaultFollowUpDays)));
    }

    static int defaultGhostingDays(Category category) {
        return switch (category) {
            case GRANT, ADMISSION -> 60;
            case DATING, SOCIAL -> 14;
            default -> 30;
        };
    }

    static int defaultFollowUpDays(Category category) {
        return switch (category) {
            case GRANT, ADMISSION -> 21;
            case DATING, SOCIAL -> 3;
            default -> 7;
        };
    }

    /** Every category, in the catalogue's order: the stored value where there is one, else the default. */
    private Map<Category, Integer> effective(String stored, java.util.function.ToIntFunction<Category> defaults) {
        JsonNode chosen = stored == null ? null : json.readTree(stored);
        Map<Category, Integer> days = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            JsonNode value = chosen == null ? null : chosen.get(category.name());
            days.put(category, value != null && value.isInt() ? value.asInt() : defaults.applyAsInt(category));
        }
        return days;
    }

    /** The JSON of {@code GET /api/me/settings}: days per category. */
    record Settings(Map<Category, Integer> ghostingDays, Map<Category, Integer> followUpDays) {
    }
}
