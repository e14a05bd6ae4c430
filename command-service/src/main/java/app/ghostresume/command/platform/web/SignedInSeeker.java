package app.ghostresume.command.platform.web;

import app.ghostresume.command.platform.ProblemType;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The seeker a request acts for: the subject of its validated JWT. */
public final class SignedInSeeker {

    private SignedInSeeker() {
    }

    /** The signed-in seeker, if the request carries a token naming one. */
    public static Optional<UUID> current() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            try {
                return Optional.of(UUID.fromString(jwt.getToken().getSubject()));
            }
            catch (IllegalArgumentException | NullPointerException ex) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public static UUID id() {
        return current().orElseThrow(() -> new Problems.ProblemException(ProblemType.UNAUTHENTICATED, "The access token does not name a seeker."));
    }
}
