package app.ghostresume.query.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.ghostresume.query.challenge.ChallengeIds;
import app.ghostresume.query.platform.ApiProblem;
import app.ghostresume.query.platform.CurrentSeeker;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me/reports/{period}[?asOf=]}: the caller's week ({@code 2025-W45}), month ({@code 2025-11}) or
 * year ({@code 2025}), as JSON, CSV, a printable HTML page or a PNG card ({@link ReportFormat}).
 * {@code GET /api/challenges/{challengeId}/report[?asOf=]}: a challenge's wrap-up, as JSON or HTML, for those who
 * may see its page (404 to anyone else, as for the page). {@code asOf} is an ISO instant; only the events recorded
 * by then are replayed (default: now).
 */
@RestController
class ReportController {

    private final Reports reports;
    private final ReportDocuments documents;

    ReportController(Reports reports, ReportDocuments documents) {
        this.reports = reports;
        this.documents = documents;
    }

    @GetMapping("/api/me/reports/{period}")
    ResponseEntity<?> seekerReport(@CurrentSeeker UUID seekerId, @PathVariable String period,
            @RequestParam(required = false) Instant asOf, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept)
            throws HttpMediaTypeNotAcceptableException {
        ReportFormat chosen = ReportFormat.negotiate(format, accept, List.of(ReportFormat.values()));
        ReportPeriod reported = ReportPeriod.parse(period).orElseThrow(() -> ApiProblem.invalid("period",
                "must be a year (2025), a month (2025-11) or an ISO week (2025-W45), from "
                        + ReportPeriod.FIRST_YEAR + " to " + ReportPeriod.LAST_YEAR));
        Instant known = reports.asOf(asOf);
        SeekerHistory history = reports.seeker(seekerId, known);
        if (history.isEmpty()) {
            throw ApiProblem.notFound("Nothing is recorded for you up to " + known + ".");
        }
        SeekerReport report = history.report(reported, known);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(chosen.mediaType());
        return switch (chosen) {
            case JSON -> response.body(report);
            case CSV -> attachment(response, "ghost-resume-" + reported.name() + ".csv")
                    .body(documents.csv(history, reported));
            case HTML -> response.body(documents.html(report));
            case PNG -> attachment(response, "ghost-resume-" + reported.name() + ".png").body(documents.card(report));
        };
    }

    @GetMapping("/api/challenges/{challengeId}/report")
    ResponseEntity<?> challengeReport(@CurrentSeeker UUID seekerId, @PathVariable String challengeId,
            @RequestParam(required = false) Instant asOf, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept)
            throws HttpMediaTypeNotAcceptableException {
        ReportFormat chosen = ReportFormat.negotiate(format, accept, List.of(ReportFormat.JSON, ReportFormat.HTML));
        UUID id = ChallengeIds.parse(challengeId);
        ChallengeReport report = reports.challenge(id, seekerId, reports.asOf(asOf))
                .orElseThrow(() -> ChallengeIds.notFound(challengeId));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(chosen.mediaType());
        return chosen == ReportFormat.HTML ? response.body(documents.html(report)) : response.body(report);
    }

    private static ResponseEntity.BodyBuilder attachment(ResponseEntity.BodyBuilder response, String file) {
        return response.header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename(file).build().toString());
    }
}
