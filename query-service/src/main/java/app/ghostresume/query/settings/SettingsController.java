package app.ghostresume.query.settings;

import java.util.UUID;

import app.ghostresume.query.platform.CurrentSeeker;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me/settings}: the caller's ghosting and follow-up windows for all 13 categories. */
@RestController
class SettingsController {

    private final SeekerSettings settings;

    SettingsController(SeekerSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/api/me/settings")
    SeekerSettings.Settings settings(@CurrentSeeker UUID seekerId) {
        return settings.of(seekerId);
    }
}
