package app.ghostresume.command.seeker;

import app.ghostresume.command.platform.Subject;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.command.platform.web.CleanText;
import app.ghostresume.events.ConsistencyToken;
import app.ghostresume.command.platform.web.RequestIds;
import app.ghostresume.command.platform.web.CurrentSeeker;
import app.ghostresume.command.seeker.SeekerCommands.CancelPause;
import app.ghostresume.command.seeker.SeekerCommands.SchedulePause;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in seeker's pauses. A pause lives in the seeker's own aggregate, so the consistency token names the
 * seeker, and another seeker's pause id is simply unknown here (404).
 */
@RestController
@RequestMapping("/api/me/pauses")
class PauseController {

    private final CommandGateway commands;
    private final SeekerCalendar calendar;

    PauseController(CommandGateway commands, SeekerCalendar calendar) {
        this.commands = commands;
        this.calendar = calendar;
    }

    /** With an {@code Idempotency-Key} the pause's id derives from the key, as an attempt's does. */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<Paused> schedule(@CurrentSeeker UUID seekerId, @Valid @RequestBody PauseRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        UUID pauseId = RequestIds.forNew(seekerId, "pause", idempotencyKey);
        long version = commands.<Long>sendAndWait(new SchedulePause(seekerId, pauseId, calendar.today(seekerId),
                request.from(), request.to(), blankAsNull(request.reason())));
        return ResponseEntity.created(URI.create("/api/me/pauses/" + pauseId))
                .body(new Paused(pauseId, ConsistencyToken.of(seekerId, version)));
    }

    @DeleteMapping("/{pauseId}")
    Paused cancel(@CurrentSeeker UUID seekerId, @PathVariable("pauseId") String path) {
        UUID pauseId = RequestIds.inPath(path, Subject.PAUSE);
        long version = commands.<Long>sendAndWait(new CancelPause(seekerId, pauseId));
        return new Paused(pauseId, ConsistencyToken.of(seekerId, version));
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }


    record PauseRequest(@NotNull LocalDate from, @NotNull LocalDate to,
            @CleanText @Size(max = SeekerAggregate.MAX_REASON) String reason) {
    }

    record Paused(UUID pauseId, ConsistencyToken consistencyToken) {
    }
}
