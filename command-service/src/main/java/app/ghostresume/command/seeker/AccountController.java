package app.ghostresume.command.seeker;

import java.time.ZoneId;
import java.util.UUID;

import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.command.platform.security.PasswordHashing;
import app.ghostresume.command.platform.web.CleanText;
import app.ghostresume.command.platform.web.CurrentSeeker;
import app.ghostresume.command.platform.web.Problems.ProblemException;
import app.ghostresume.command.seeker.SeekerAggregate.RegisterSeeker;
import app.ghostresume.events.ConsistencyToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up, and erasure. The password is hashed into the account table and never enters an event. Erasure asks
 * for the password again, throttled as sign-in is, so that a token alone (one left in a browser) cannot erase
 * anyone.
 */
@RestController
class AccountController {

    private final Accounts accounts;
    private final PasswordHashing passwords;
    private final CommandGateway commands;
    private final SignInThrottle throttle;
    private final Erasure erasure;

    AccountController(Accounts accounts, PasswordHashing passwords, CommandGateway commands, SignInThrottle throttle,
            Erasure erasure) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.commands = commands;
        this.throttle = throttle;
        this.erasure = erasure;
    }

    /** The account row and the event commit together: a taken handle leaves neither behind. */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/accounts")
    @Transactional
    ResponseEntity<SignedUp> signUp(@Valid @RequestBody SignUp request) {
        UUID seekerId = UUID.randomUUID();
        ZoneId zone = ZoneId.of(request.timeZone());
        try {
            accounts.create(seekerId, request.handle(), passwords.hash(request.password()), zone);
        }
        catch (DuplicateKeyException ex) {
            throw new ProblemException(ProblemType.HANDLE_TAKEN,
                    "The handle '" + request.handle() + "' is already taken.");
        }
        long version = commands.<Long>sendAndWait(new RegisterSeeker(seekerId, request.handle(),
                request.displayName().strip(), zone));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new SignedUp(seekerId, request.handle(), ConsistencyToken.of(seekerId, version)));
    }

    /** Erases the signed-in seeker for good ({@link Erasure}). */
    @DeleteMapping("/api/me")
    Erased erase(@CurrentSeeker UUID seekerId, @Valid @RequestBody Erase request, HttpServletRequest http) {
        Accounts.Account account = accounts.find(seekerId).orElseThrow(() -> new ProblemException(
                ProblemType.UNAUTHENTICATED, "This token's account does not exist."));
        boolean matches = throttle.attempt(account.handle(), http.getRemoteAddr(),
                () -> passwords.matches(request.password(), account.passwordHash()));
        if (!matches) {
            throw new ProblemException(ProblemType.WRONG_PASSWORD,
                    "The password is wrong; nothing was erased.");
        }
        long version = erasure.erase(seekerId);
        return new Erased(seekerId, ConsistencyToken.of(seekerId, version));
    }

    record Erase(@NotBlank @Size(max = 200) String password) {
    }

    record Erased(UUID seekerId, ConsistencyToken consistencyToken) {
    }

    record SignUp(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{2,29}",
                    message = "3-30 letters, digits, '_', '.' or '-', starting with a letter or digit") String handle,
            @NotNull @Size(min = 10, max = 200) String password,
            @NotBlank @Size(max = 100) @CleanText String displayName,
            @NotBlank @ValidTimeZone String timeZone) {
    }

    record SignedUp(UUID seekerId, String handle, ConsistencyToken consistencyToken) {
    }
}
