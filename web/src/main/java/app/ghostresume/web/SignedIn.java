package app.ghostresume.web;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A signed-in seeker, kept in their server-side session: the handle the app shows and the access token the
 * relay adds to their calls. Neither the token nor this object is ever written to a response.
 */
final class SignedIn extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Seeker seeker;

    SignedIn(String handle, String accessToken, Instant expiresAt) {
        super(List.of(new SimpleGrantedAuthority("ROLE_SEEKER")));
        this.seeker = new Seeker(handle, accessToken, expiresAt);
        setAuthenticated(true);
    }

    /** Ends the session in {@code request}, if there is one, and with it the seeker's token. */
    static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    String handle() {
        return seeker.handle();
    }

    String accessToken() {
        return seeker.accessToken();
    }

    boolean expired(Instant now) {
        return !now.isBefore(seeker.expiresAt());
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return seeker.handle();
    }

    private record Seeker(String handle, String accessToken, Instant expiresAt) implements Serializable {

        @Override
        public String toString() {
            return "Seeker[" + handle + "]";
        }
    }
}
