package app.ghostresume.command.share;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.command.platform.Subject;
import app.ghostresume.command.platform.web.CleanText;
import app.ghostresume.command.platform.web.CurrentSeeker;
import app.ghostresume.command.platform.web.Problems;
import app.ghostresume.command.platform.web.RequestIds;
import app.ghostresume.command.seeker.Accounts;
import app.ghostresume.command.seeker.SeekerCalendar;
import app.ghostresume.command.share.ShareCommands.OfferSupport;
import app.ghostresume.command.share.ShareCommands.ReportShare;
import app.ghostresume.command.share.ShareCommands.ShareAttempt;
import app.ghostresume.command.share.ShareCommands.SharedAs;
import app.ghostresume.command.share.ShareCommands.Supported;
import app.ghostresume.command.share.ShareCommands.WithdrawShare;
import app.ghostresume.command.share.ShareCommands.WithdrawSupport;
import app.ghostresume.events.ConsistencyToken;
import app.ghostresume.events.ShareAudience;
import app.ghostresume.events.SupportKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shares over HTTP: share an attempt (201), withdraw a share (204), support a share (200 with the support in force,
 * also when it was already given), take support back (204), report a share (202). Field formats are checked here;
 * the rules live in {@link ShareAggregate} and {@link ShareCommandHandler}. No answer names another seeker.
 */
@RestController
class ShareController {

    private final CommandGateway commands;
    private final SeekerCalendar calendar;
    private final Accounts accounts;
    private final Clock clock;
    private final Duration reportsCountAfter;

    ShareController(CommandGateway commands, SeekerCalendar calendar, Accounts accounts, Clock clock,
            ShareSettings settings) {
        this.commands = commands;
        this.calendar = calendar;
        this.accounts = accounts;
        this.clock = clock;
        this.reportsCountAfter = settings.reportsCountAfter();
    }

    /** The share's id derives from the attempt's and the sharing's number ({@link ShareIds}). */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/attempts/{attemptId}/shares")
    ResponseEntity<Shared> share(@CurrentSeeker UUID seekerId, @PathVariable("attemptId") String path,
            @Valid @RequestBody ShareRequest request) {
        UUID attemptId = RequestIds.inPath(path, Subject.ATTEMPT);
        SharedAs shared = commands.sendAndWait(new ShareAttempt(attemptId, seekerId, calendar.today(seekerId),
                blankAsNull(request.story()), request.anonymous(), request.audience(), request.challengeId()));
        return ResponseEntity.created(URI.create("/api/shares/" + shared.shareId()))
                .body(new Shared(shared.shareId(), ConsistencyToken.of(shared.shareId(), shared.version())));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/api/shares/{shareId}")
    ResponseEntity<Void> withdraw(@CurrentSeeker UUID seekerId, @PathVariable("shareId") String path) {
        UUID shareId = shareIn(path);
        commands.sendAndWait(new WithdrawShare(shareId, seekerId, calendar.today(seekerId)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/shares/{shareId}/support")
    Support support(@CurrentSeeker UUID seekerId, @PathVariable("shareId") String path,
            @Valid @RequestBody SupportRequest request) {
        UUID shareId = shareIn(path);
        Supported supported = commands.sendAndWait(new OfferSupport(shareId, seekerId, request.kind(),
                blankAsNull(request.message()), calendar.today(seekerId)));
        return new Support(shareId, supported.kind(), supported.message(),
                ConsistencyToken.of(shareId, supported.version()));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/api/shares/{shareId}/support/{kind}")
    ResponseEntity<Void> withdrawSupport(@CurrentSeeker UUID seekerId, @PathVariable("shareId") String path,
            @PathVariable("kind") String kind) {
        UUID shareId = shareIn(path);
        SupportKind supportKind = Arrays.stream(SupportKind.values()).filter(k -> k.name().equals(kind)).findFirst()
                .orElseThrow(() -> new Problems.ProblemException(ProblemType.VALIDATION, "kind must be one of " + List.of(SupportKind.values())));
        commands.sendAndWait(new WithdrawSupport(shareId, seekerId, supportKind, calendar.today(seekerId)));
        return ResponseEntity.noContent().build();
    }

    /**
     * Accepted for the operators: the answer is the same whether this report was new, repeated, counted or hid the
     * share. A report counts toward hiding only from an account at least {@code REPORTS_COUNT_AFTER} (a day) old, so
     * accounts made for the purpose cannot silence anyone.
     */
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/api/shares/{shareId}/reports")
    ResponseEntity<Reported> report(@CurrentSeeker UUID seekerId, @PathVariable("shareId") String path,
            @Valid @RequestBody ReportRequest request) {
        UUID shareId = shareIn(path);
        boolean counts = accounts.createdAt(seekerId)
                .map(created -> !created.isAfter(clock.instant().minus(reportsCountAfter))).orElse(false);
        commands.sendAndWait(new ReportShare(shareId, seekerId, request.reason().strip(), counts,
                calendar.today(seekerId)));
        return ResponseEntity.accepted().body(new Reported(shareId));
    }

    private static UUID shareIn(String path) {
        return RequestIds.inPath(path, Subject.SHARE);
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    record ShareRequest(@CleanText @Size(max = ShareAggregate.MAX_STORY) String story, @NotNull Boolean anonymous,
            @NotNull ShareAudience audience, UUID challengeId) {
    }

    record SupportRequest(@NotNull SupportKind kind,
            @CleanText @Size(max = ShareAggregate.MAX_MESSAGE) String message) {
    }

    record ReportRequest(@NotBlank @CleanText @Size(max = ShareAggregate.MAX_REASON) String reason) {
    }

    record Shared(UUID shareId, ConsistencyToken consistencyToken) {
    }

    record Support(UUID shareId, SupportKind kind, String message, ConsistencyToken consistencyToken) {
    }

    record Reported(UUID shareId) {
    }
}
