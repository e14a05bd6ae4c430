package app.ghostresume.query.ghostresume;

import java.util.UUID;

import app.ghostresume.query.platform.ApiProblem;
import app.ghostresume.query.platform.CurrentSeeker;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me/ghost-resume}: the caller's ghost résumé with its attempts; {@code GET
 * /api/seekers/{handle}/ghost-resume}: a seeker's counts per category and in total, nothing dated, if they made it
 * public (404 otherwise, as for an unknown handle).
 */
@RestController
class GhostResumeController {

    private final GhostResumes ghostResumes;

    GhostResumeController(GhostResumes ghostResumes) {
        this.ghostResumes = ghostResumes;
    }

    @GetMapping("/api/me/ghost-resume")
    GhostResumeView.Own own(@CurrentSeeker UUID seekerId) {
        return ghostResumes.own(seekerId);
    }

    @GetMapping("/api/seekers/{handle}/ghost-resume")
    GhostResumeView.Public published(@PathVariable String handle) {
        return ghostResumes.published(handle)
                .orElseThrow(() -> ApiProblem.notFound("No public ghost résumé for " + handle + "."));
    }
}
