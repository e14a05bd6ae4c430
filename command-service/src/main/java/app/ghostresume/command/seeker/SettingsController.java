package app.ghostresume.command.seeker;

import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.ConsistencyToken;
import app.ghostresume.command.platform.web.CurrentSeeker;
import app.ghostresume.command.seeker.SeekerCommands.ChangeSettings;
import app.ghostresume.events.Category;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in seeker's response windows (PUT: the categories listed override the defaults, the others take
 * them). Answers with the complete windows now in force.
 */
@RestController
class SettingsController {

    private final CommandGateway commands;
    private final SeekerSettings settings;

    SettingsController(CommandGateway commands, SeekerSettings settings) {
        this.commands = commands;
        this.settings = settings;
    }

    /**
     * The event and the command side's lookup rows commit together: the command joins this transaction, so a
     * refused request leaves neither behind and attempts never see windows the events do not.
     */
    @PutMapping("/api/me/settings")
    @Transactional
    Settings change(@CurrentSeeker UUID seekerId, @Valid @RequestBody SettingsRequest request) {
        long version = commands.<Long>sendAndWait(new ChangeSettings(seekerId, request.ghostingDays(),
                request.followUpDays()));
        ResponseWindows windows = ResponseWindows.defaults().overriddenBy(request.ghostingDays(),
                request.followUpDays());
        settings.save(seekerId, windows);
        return new Settings(windows.ghostingDays(), windows.followUpDays(), ConsistencyToken.of(seekerId, version));
    }

    record SettingsRequest(
            Map<Category, @NotNull @Min(ResponseWindows.MIN_DAYS) @Max(ResponseWindows.MAX_DAYS) Integer> ghostingDays,
            Map<Category, @NotNull @Min(ResponseWindows.MIN_DAYS) @Max(ResponseWindows.MAX_DAYS) Integer> followUpDays) {
    }

    record Settings(Map<Category, Integer> ghostingDays, Map<Category, Integer> followUpDays,
            ConsistencyToken consistencyToken) {
    }
}
