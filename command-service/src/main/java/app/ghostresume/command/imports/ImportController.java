package app.ghostresume.command.imports;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.command.platform.Subject;
import app.ghostresume.command.platform.web.CurrentSeeker;
import app.ghostresume.command.platform.web.Problems.ProblemException;
import app.ghostresume.command.platform.web.RequestIds;
import app.ghostresume.command.seeker.SeekerCalendar;
import app.ghostresume.command.seeker.SeekerSettings;
import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code POST /api/me/imports}: a spreadsheet of attempts (CSV as the body, or a multipart upload's {@code file}).
 * With {@code dryRun=true} it answers at once what each row would become, and why a row would be refused; otherwise
 * it starts the import (202, {@code Location} of its progress) and {@code GET /api/me/imports/{importId}} follows
 * it. {@code dateFormat} reads dates that are not ISO, {@code category} is the category of rows without one.
 */
@RestController
@RequestMapping("/api/me/imports")
class ImportController {

    static final int MAX_ROWS = 10_000;

    private static final List<MediaType> SHEET_TYPES = List.of(MediaType.parseMediaType("text/csv"),
            MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM);

    private final SeekerCalendar calendar;
    private final SeekerSettings settings;
    private final Validator validator;
    private final Imports imports;
    private final ImportRunner runner;

    ImportController(SeekerCalendar calendar, SeekerSettings settings, Validator validator, Imports imports,
            ImportRunner runner) {
        this.calendar = calendar;
        this.settings = settings;
        this.validator = validator;
        this.imports = imports;
        this.runner = runner;
    }

    /**
     * One handler for every body, so that who is asking is settled (401) before what they sent: a spreadsheet as
     * the body ({@code text/csv}, {@code text/plain}, {@code application/octet-stream}), or a multipart upload's
     * {@code file}; anything else is a 415.
     */
    @PostMapping
    @Operation(summary = "Import a job-hunt spreadsheet: 202 with the import started, or 200 with a preview (dryRun)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = "multipart/form-data", schema = @Schema(implementation = Upload.class)) }),
            responses = {
                    @ApiResponse(responseCode = "202", description = "The import runs; follow it at Location",
                            content = @Content(schema = @Schema(implementation = Started.class))),
                    @ApiResponse(responseCode = "200", description = "What the import would do (dryRun=true)",
                            content = @Content(schema = @Schema(implementation = Preview.class))) })
    ResponseEntity<?> importSheet(@CurrentSeeker UUID seekerId, HttpServletRequest request,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) String dateFormat,
            @RequestParam(required = false) Category category) throws IOException {
        return importSheet(seekerId, sheetOf(request), dryRun, new AttemptSheet.Options(dateFormat, category));
    }

    private static byte[] sheetOf(HttpServletRequest request) throws IOException {
        if (request instanceof MultipartHttpServletRequest upload) {
            MultipartFile file = upload.getFile("file");
            if (file == null) {
                throw new ProblemException(ProblemType.VALIDATION, "file must be given: the spreadsheet to import.");
            }
            return file.getBytes();
        }
        if (!isSheet(request.getContentType())) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the spreadsheet as text/csv, or as "
                    + "the part 'file' of a multipart/form-data upload.");
        }
        return request.getInputStream().readAllBytes();
    }

    private static boolean isSheet(String contentType) {
        try {
            MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
            return type != null && SHEET_TYPES.stream().anyMatch(sheet -> sheet.equalsTypeAndSubtype(type));
        }
        catch (InvalidMediaTypeException ex) {
            return false;
        }
    }

    @GetMapping("/{importId}")
    Imports.Progress progress(@CurrentSeeker UUID seekerId, @PathVariable("importId") String path) {
        UUID importId = RequestIds.inPath(path, Subject.IMPORT);
        return imports.find(importId, seekerId).orElseThrow(() -> RuleViolation.notFound(Subject.IMPORT));
    }

    private ResponseEntity<?> importSheet(UUID seekerId, byte[] csv, boolean dryRun, AttemptSheet.Options options) {
        AttemptSheet.Sheet sheet;
        try {
            sheet = AttemptSheet.read(csv, options);
        }
        catch (AttemptSheet.SheetException unreadable) {
            throw RuleViolation.of(ProblemType.UNREADABLE_SHEET, unreadable.getMessage());
        }
        if (sheet.rows().size() > MAX_ROWS) {
            throw RuleViolation.of(ProblemType.UNREADABLE_SHEET, "The file has " + sheet.rows().size()
                    + " rows; import at most " + MAX_ROWS + " at a time.");
        }
        ZoneId zone = calendar.zoneOf(seekerId);
        LocalDate today = calendar.today(zone);
        List<ImportPlan.Step> steps = ImportPlan.of(sheet, seekerId, today, zone, settings.windowsOf(seekerId),
                validator);
        Map<String, String> columns = new LinkedHashMap<>();
        sheet.columns().forEach((column, header) -> columns.put(column.name(), header));
        if (dryRun) {
            return ResponseEntity.ok(preview(steps, columns, sheet.ignored()));
        }
        if (imports.running(seekerId)) {
            throw RuleViolation.of(ProblemType.IMPORT_RUNNING, "Your last import is still running; follow it, and "
                    + "send this file when it is done.");
        }
        UUID importId = UUID.randomUUID();
        List<Imports.Refused> refused = steps.stream().filter(ImportPlan.Step::refused)
                .map(step -> new Imports.Refused(step.line(), step.refusal())).toList();
        imports.start(importId, seekerId, steps.size(), refused);
        runner.run(importId, steps);
        return ResponseEntity.accepted().location(URI.create("/api/me/imports/" + importId))
                .body(new Started(importId, steps.size(), refused.size(), columns, sheet.ignored()));
    }

    private Preview preview(List<ImportPlan.Step> steps, Map<String, String> columns, List<String> ignored) {
        Set<UUID> existing = imports.existing(steps.stream().filter(step -> !step.refused())
                .map(ImportPlan.Step::attemptId).toList());
        List<PreviewRow> rows = new ArrayList<>();
        int create = 0;
        int already = 0;
        int refused = 0;
        for (ImportPlan.Step step : steps) {
            String outcome;
            if (step.refused()) {
                outcome = "REFUSED";
                refused++;
            }
            else if (existing.contains(step.attemptId())) {
                outcome = "ALREADY_IMPORTED";
                already++;
            }
            else {
                outcome = "CREATE";
                create++;
            }
            rows.add(step.refused() ? new PreviewRow(step.line(), outcome, null, null, null, null, null, null, null,
                    step.refusal())
                    : new PreviewRow(step.line(), outcome, step.attempt().category(), step.attempt().target(),
                            step.attempt().title(), step.attempt().sentOn(), step.attempt().outcome(),
                            step.attempt().outcomeOn(), step.attempt().stage(), null));
        }
        return new Preview(steps.size(), create, already, refused, columns, ignored, rows);
    }

    /** A multipart upload of the spreadsheet, as the part {@code file}. */
    record Upload(@Schema(type = "string", format = "binary") String file) {
    }

    /** An import begun: its rows, those refused already, and how the sheet's columns were read. */
    record Started(UUID importId, int total, int refused, Map<String, String> columns, List<String> ignoredColumns) {
    }

    /** What an import would do. */
    record Preview(int total, int wouldCreate, int alreadyImported, int refused, Map<String, String> columns,
            List<String> ignoredColumns, List<PreviewRow> rows) {
    }

    /** One row of a preview: CREATE, ALREADY_IMPORTED or REFUSED (with the reason). */
    record PreviewRow(long line, String outcome, Category category, String target, String title, LocalDate sentOn,
            AttemptStatus status, LocalDate outcomeOn, String stage, String reason) {
    }
}
