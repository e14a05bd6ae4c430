package app.ghostresume.command.seeker;

import java.util.UUID;

import app.ghostresume.events.ConsistencyToken;
import app.ghostresume.command.platform.web.CurrentSeeker;
import app.ghostresume.command.seeker.SeekerCommands.ChangeProfile;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What others may see of the signed-in seeker (PUT: the whole profile). Answers with the profile now in force. */
@RestController
class ProfileController {

    private final CommandGateway commands;

    ProfileController(CommandGateway commands) {
        this.commands = commands;
    }

    @PutMapping("/api/me/profile")
    Profile change(@CurrentSeeker UUID seekerId, @Valid @RequestBody ProfileRequest request) {
        long version = commands.<Long>sendAndWait(new ChangeProfile(seekerId, request.publicGhostResume()));
        return new Profile(request.publicGhostResume(), ConsistencyToken.of(seekerId, version));
    }

    record ProfileRequest(@NotNull Boolean publicGhostResume) {
    }

    record Profile(boolean publicGhostResume, ConsistencyToken consistencyToken) {
    }
}
