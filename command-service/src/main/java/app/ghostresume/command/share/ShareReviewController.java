package app.ghostresume.command.share;

import app.ghostresume.command.platform.Subject;
import java.util.UUID;

import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.command.platform.web.CleanText;
import app.ghostresume.command.platform.web.CurrentSeeker;
import app.ghostresume.command.platform.web.RequestIds;
import app.ghostresume.command.seeker.SeekerCalendar;
import app.ghostresume.command.share.ShareCommands.ReviewDecision;
import app.ghostresume.command.share.ShareCommands.ReviewShare;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' review of shares hidden after reports (the queue is on the query service,
 * {@code GET /api/operator/shares}): restore one to its feeds or remove it for good. Only tokens with the
 * {@code operator} scope reach it (see {@code SecurityConfiguration}).
 */
@RestController
class ShareReviewController {

    private final CommandGateway commands;
    private final SeekerCalendar calendar;

    ShareReviewController(CommandGateway commands, SeekerCalendar calendar) {
        this.commands = commands;
        this.calendar = calendar;
    }

    @PostMapping("/api/operator/shares/{shareId}/review")
    ResponseEntity<Reviewed> review(@CurrentSeeker UUID operatorId, @PathVariable("shareId") String path,
            @Valid @RequestBody ReviewRequest request) {
        UUID shareId = RequestIds.inPath(path, Subject.SHARE);
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        commands.sendAndWait(new ReviewShare(shareId, operatorId, request.decision(), note,
                calendar.today(operatorId)));
        return ResponseEntity.ok(new Reviewed(shareId, request.decision()));
    }

    record ReviewRequest(@NotNull ReviewDecision decision,
            @CleanText @Size(max = ShareAggregate.MAX_REASON) String note) {
    }

    record Reviewed(UUID shareId, ReviewDecision decision) {
    }
}
