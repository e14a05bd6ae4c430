package app.ghostresume.query.pause;

import java.util.List;
import java.util.UUID;

import app.ghostresume.query.platform.CurrentSeeker;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me/pauses}: the caller's active pauses, i.e. those not cancelled (past, current and coming),
 * earliest first.
 */
@RestController
class PauseController {

    private final Pauses pauses;

    PauseController(Pauses pauses) {
        this.pauses = pauses;
    }

    @GetMapping("/api/me/pauses")
    PauseList pauses(@CurrentSeeker UUID seekerId) {
        return new PauseList(pauses.activeOf(seekerId));
    }

    /** The JSON of {@code GET /api/me/pauses}. */
    record PauseList(List<Pauses.Pause> pauses) {
    }
}
