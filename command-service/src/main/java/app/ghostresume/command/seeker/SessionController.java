package app.ghostresume.command.seeker;

import app.ghostresume.command.platform.ProblemType;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import app.ghostresume.command.platform.security.PasswordHashing;
import app.ghostresume.command.platform.security.TokenIssuer;
import app.ghostresume.command.platform.security.TokenIssuer.IssuedToken;
import app.ghostresume.command.platform.web.Problems.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in: a handle and password for a signed access token, throttled against guessing ({@link SignInThrottle}). */
@RestController
class SessionController {

    private final Accounts accounts;
    private final PasswordHashing passwords;
    private final SignInThrottle throttle;
    private final TokenIssuer tokens;
    /** Checked when the handle is unknown, so both failures take the same time. */
    private final String decoyHash;

    SessionController(Accounts accounts, PasswordHashing passwords, SignInThrottle throttle, TokenIssuer tokens) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.tokens = tokens;
        this.decoyHash = passwords.hash("decoy password for unknown handles");
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/sessions")
    ResponseEntity<IssuedToken> signIn(@Valid @RequestBody SignIn request, HttpServletRequest http) {
        // a throttled sign-in is refused before the account is even looked up
        AtomicReference<Accounts.Account> signedIn = new AtomicReference<>();
        throttle.attempt(request.handle(), http.getRemoteAddr(), () -> {
            Optional<Accounts.Account> account = accounts.findByHandle(request.handle());
            boolean matches = passwords.matches(request.password(),
                    account.map(Accounts.Account::passwordHash).orElse(decoyHash));
            account.filter(found -> matches).ifPresent(signedIn::set);
            return signedIn.get() != null;
        });
        Accounts.Account account = signedIn.get();
        if (account == null) {
            throw new ProblemException(ProblemType.INVALID_CREDENTIALS,
                    "Handle or password is wrong.");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(tokens.issue(account.seekerId(), account.handle()));
    }

    record SignIn(@NotBlank @Size(max = 30) String handle, @NotBlank @Size(max = 200) String password) {
    }
}
