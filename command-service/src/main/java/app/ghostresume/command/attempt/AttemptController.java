package app.ghostresume.command.attempt;

import app.ghostresume.command.platform.Subject;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

import app.ghostresume.command.attempt.AttemptCommands.AdvanceAttempt;
import app.ghostresume.command.attempt.AttemptCommands.CorrectAttempt;
import app.ghostresume.command.attempt.AttemptCommands.DeclareGhosted;
import app.ghostresume.command.attempt.AttemptCommands.LogAttempt;
import app.ghostresume.command.attempt.AttemptCommands.RecordAcceptance;
import app.ghostresume.command.attempt.AttemptCommands.RecordFollowUp;
import app.ghostresume.command.attempt.AttemptCommands.RecordReflection;
import app.ghostresume.command.attempt.AttemptCommands.RecordRejection;
import app.ghostresume.command.attempt.AttemptCommands.WithdrawAttempt;
import app.ghostresume.command.platform.web.CleanText;
import app.ghostresume.events.ConsistencyToken;
import app.ghostresume.command.platform.web.RequestIds;
import app.ghostresume.command.platform.web.CurrentSeeker;
import app.ghostresume.command.seeker.SeekerCalendar;
import app.ghostresume.command.seeker.SeekerSettings;
import app.ghostresume.events.Category;
import app.ghostresume.events.Personal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Attempts over HTTP: translates requests into commands for {@link AttemptAggregate} and answers with the
 * attempt's id and a consistency token. Field formats are checked here; the rules live in the aggregate.
 */
@RestController
@RequestMapping("/api/attempts")
class AttemptController {

    static final int SHORT_TEXT = LogRequest.SHORT_TEXT;
    static final int LONG_TEXT = LogRequest.LONG_TEXT;
    static final int REFLECTION_TEXT = 2000;

    private final CommandGateway commands;
    private final SeekerCalendar calendar;
    private final SeekerSettings settings;

    AttemptController(CommandGateway commands, SeekerCalendar calendar, SeekerSettings settings) {
        this.commands = commands;
        this.calendar = calendar;
        this.settings = settings;
    }

    /**
     * With an {@code Idempotency-Key} the attempt's id derives from the key, so even a retry that slips past
     * the idempotency record cannot log the same attempt twice. The consistency token names the last event of
     * the logging, its deadlines.
     */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<Accepted> log(@CurrentSeeker UUID seekerId, @Valid @RequestBody LogRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        UUID attemptId = RequestIds.forNew(seekerId, "attempt", idempotencyKey);
        ZoneId zone = calendar.zoneOf(seekerId);
        long version = commands.<Long>sendAndWait(new LogAttempt(attemptId, seekerId, calendar.today(zone), zone,
                settings.windowsOf(seekerId), request.category(), request.target().strip(), request.title().strip(),
                request.notes(), request.sentOn(), request.expectedResponseBy()));
        return ResponseEntity.created(URI.create("/api/attempts/" + attemptId))
                .body(new Accepted(attemptId, ConsistencyToken.of(attemptId, version)));
    }

    @PostMapping("/{attemptId}/progress")
    Accepted advance(@CurrentSeeker UUID seekerId, @PathVariable("attemptId") String path,
            @Valid @RequestBody ProgressRequest request) {
        UUID attemptId = RequestIds.inPath(path, Subject.ATTEMPT);
        return send(attemptId, new AdvanceAttempt(attemptId, seekerId, calendar.today(seekerId),
                request.stage().strip(), request.on(), request.notes()));
    }

    @PostMapping("/{attemptId}/rejection")
    Accepted reject(@CurrentSeeker UUID seekerId, @PathVariable("attemptId") String path,
            @Valid @RequestBody(required = false) RejectionRequest request) {
        UUID attemptId = RequestIds.inPath(path, Subject.ATTEMPT);
        RejectionRequest r = Objects.requireNonNullElse(request, new RejectionRequest(null, null, null, null));
        return send(attemptId, new RecordRejection(attemptId, seekerId, calendar.today(seekerId),
                r.receivedOn(), r.stageReached(), r.feedback(), r.sting()));
    }

    @PostMapping("/{attemptId}/acceptance")
    Accepted accept(@CurrentSeeker UUID seekerId, @PathVariable("attemptId") String path,
            @Valid @RequestBody(required = false) AcceptanceRequest request) {
        UUID attemptId = RequestIds.inPath(path, Subject.ATTEMPT);
        AcceptanceRequest r = Objects.requireNonNullElse(request, new AcceptanceRequest(null, null));
        return send(attemptId, new RecordAcceptance(attemptId, seekerId, calendar.today(seekerId),
                r.receivedOn(), r.notes()));
    }

    @PostMapping("/{attemptId}/ghosting")
    Accepted ghost(@CurrentSeeker UUID seekerId, @PathVariable("attemptId") String path,
            @Valid @RequestBody(required = false) GhostingRequest request) {
        UUID attemptId = RequestIds.inPath(path, Subject.ATTEMPT);
        GhostingRequest r = Objects.requireNonNullElse(request, new GhostingRequest(null));
        return send(attemptId, new DeclareGhosted(attemptId, seekerId, calendar.today(seekerId),
                r.declaredOn()));
    }

    @PostMapping("/{attemptId}/withdrawal")
    Accepted withdraw(@CurrentSeeker UUID seekerId, @PathVariable("attemptId") String path,
            @Valid @RequestBody(required = false) WithdrawalRequest request) {
        UUID attemptId = RequestIds.inPath(path, Subject.ATTEMPT);
        WithdrawalRequest r = Objects.requireNonNullElse(request, new WithdrawalRequest(null, null));
        return send(attemptId, new WithdrawAttempt(attemptId, seekerId, calendar.today(seekerId), r.on(),
                r.reason()));
    }

    /** A follow-up (a nudge to the other side) of a waiting attempt; {@code on} defaults to today. */
    @PostMapping("/{attemptId}/follow-up")
    Accepted followUp(@CurrentSeeker UUID seekerId, @PathVariable("attemptId") String path,
            @Valid @RequestBody(required = false) FollowUpRequest request) {
        UUID attemptId = RequestIds.inPath(path, Subject.ATTEMPT);
        FollowUpRequest r = Objects.requireNonNullElse(request, new FollowUpRequest(null));
        return send(attemptId, new RecordFollowUp(attemptId, seekerId, calendar.today(seekerId), r.on()));
    }

    /** A correction that moves a waiting attempt's dates resets its deadlines with the seeker's current windows. */
    @PatchMapping("/{attemptId}")
    Accepted correct(@CurrentSeeker UUID seekerId, @PathVariable("attemptId") String path,
            @Valid @RequestBody CorrectionRequest request) {
        UUID attemptId = RequestIds.inPath(path, Subject.ATTEMPT);
        ZoneId zone = calendar.zoneOf(seekerId);
        return send(attemptId, new CorrectAttempt(attemptId, seekerId, calendar.today(zone), zone,
                settings.windowsOf(seekerId), request.category(), strip(request.target()), strip(request.title()),
                request.notes(), request.sentOn(), request.expectedResponseBy()));
    }

    /**
     * A private reflection on the attempt, in any status. With an {@code Idempotency-Key} its id derives from the
     * key, as an attempt's does. Blank texts count as not given; at least one part must be given (422).
     */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{attemptId}/reflections")
    ResponseEntity<Reflected> reflect(@CurrentSeeker UUID seekerId, @PathVariable("attemptId") String path,
            @Valid @RequestBody ReflectionRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        UUID attemptId = RequestIds.inPath(path, Subject.ATTEMPT);
        UUID reflectionId = RequestIds.forNew(seekerId, "reflection/" + attemptId, idempotencyKey);
        long version = commands.<Long>sendAndWait(new RecordReflection(attemptId, seekerId, reflectionId,
                calendar.today(seekerId), blankAsNull(request.whatHappened()), blankAsNull(request.whatILearned()),
                blankAsNull(request.nextTime()), request.wasItPersonal()));
        return ResponseEntity.created(URI.create("/api/attempts/" + attemptId + "/reflections/" + reflectionId))
                .body(new Reflected(attemptId, reflectionId, ConsistencyToken.of(attemptId, version)));
    }

    private Accepted send(UUID attemptId, Object command) {
        long version = commands.<Long>sendAndWait(command);
        return new Accepted(attemptId, ConsistencyToken.of(attemptId, version));
    }


    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    record Accepted(UUID attemptId, ConsistencyToken consistencyToken) {
    }

    record ProgressRequest(@NotBlank @CleanText @Size(max = SHORT_TEXT) String stage, LocalDate on,
            @CleanText @Size(max = LONG_TEXT) String notes) {
    }

    record RejectionRequest(LocalDate receivedOn, @CleanText @Size(max = SHORT_TEXT) String stageReached,
            @CleanText @Size(max = LONG_TEXT) String feedback,
            @Min(1) @Max(AttemptAggregate.MAX_STING) Integer sting) {
    }

    record AcceptanceRequest(LocalDate receivedOn, @CleanText @Size(max = LONG_TEXT) String notes) {
    }

    record GhostingRequest(LocalDate declaredOn) {
    }

    record WithdrawalRequest(LocalDate on, @CleanText @Size(max = LONG_TEXT) String reason) {
    }

    record FollowUpRequest(LocalDate on) {
    }

    record ReflectionRequest(@CleanText @Size(max = REFLECTION_TEXT) String whatHappened,
            @CleanText @Size(max = REFLECTION_TEXT) String whatILearned,
            @CleanText @Size(max = REFLECTION_TEXT) String nextTime, Personal wasItPersonal) {
    }

    record Reflected(UUID attemptId, UUID reflectionId, ConsistencyToken consistencyToken) {
    }

    /** Every field optional; a blank target or title is refused rather than stored. */
    record CorrectionRequest(Category category,
            @CleanText @Size(max = SHORT_TEXT) @Pattern(regexp = "(?s).*\\S.*",
                    message = "must not be blank") String target,
            @CleanText @Size(max = SHORT_TEXT) @Pattern(regexp = "(?s).*\\S.*",
                    message = "must not be blank") String title,
            @CleanText @Size(max = LONG_TEXT) String notes, LocalDate sentOn, LocalDate expectedResponseBy) {
    }
}
