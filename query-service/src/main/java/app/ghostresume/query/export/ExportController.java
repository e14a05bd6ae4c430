package app.ghostresume.query.export;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import app.ghostresume.query.platform.ApiProblem;
import app.ghostresume.query.platform.CurrentSeeker;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/me/export}: everything the system holds about the caller, as a ZIP ({@link SeekerExport}),
 * streamed as it is written. A seeker the read models do not know yet is a 404, as for every other read.
 */
@RestController
class ExportController {

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final SeekerExport export;
    private final Clock clock;

    ExportController(SeekerExport export, Clock clock) {
        this.export = export;
        this.clock = clock;
    }

    @GetMapping("/api/me/export")
    @ApiResponse(responseCode = "200", description = "The seeker's data: a zip of CSV and JSON files",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<StreamingResponseBody> export(@CurrentSeeker UUID seekerId) {
        String handle = export.handleOf(seekerId)
                .orElseThrow(() -> ApiProblem.notFound("No such seeker."));
        String file = "ghost-resume-" + handle.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + LocalDate.now(clock)
                + ".zip";
        return ResponseEntity.ok()
                .contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build()
                        .toString())
                .body(out -> export.write(seekerId, out));
    }
}
