package app.ghostresume.query.consistency;

import app.ghostresume.events.ConsistencyToken;
import java.io.IOException;
import java.util.UUID;

import app.ghostresume.query.platform.CurrentSeekers;
import app.ghostresume.query.platform.ProblemResponses;
import app.ghostresume.query.platform.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-your-writes for every {@code /api} query: one carrying a {@code Consistency-Token} whose event is not yet
 * projected is parked ({@link ConsistencyWaits}) and dispatched again once it is; the second pass goes straight
 * through. Runs after security, so the token is checked against the caller's own events.
 */
@Component
@Order(0)
class ConsistencyFilter extends OncePerRequestFilter {

    private final ConsistencyGate gate;
    private final ConsistencyWaits waits;
    private final JsonMapper json;

    ConsistencyFilter(ConsistencyGate gate, ConsistencyWaits waits, JsonMapper json) {
        this.gate = gate;
        this.waits = waits;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(ConsistencyToken.HEADER) == null || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsistencyToken token;
        try {
            token = ConsistencyToken.parse(request.getHeader(ConsistencyToken.HEADER).strip());
        }
        catch (IllegalArgumentException malformed) {
            ProblemResponses.write(json, response, ProblemType.MALFORMED_REQUEST, malformed.getMessage(),
                    request.getRequestURI());
            return;
        }
        UUID seekerId = CurrentSeekers.current();
        boolean projected;
        try {
            projected = gate.isProjected(token, seekerId);
        }
        catch (DataAccessException unreachable) {
            ProblemResponses.write(json, response, ProblemType.UNAVAILABLE,
                    "The read models cannot be reached right now; try again shortly.", request.getRequestURI());
            return;
        }
        if (projected) {
            chain.doFilter(request, response);
        }
        else {
            waits.park(request, response, token, seekerId);
        }
    }
}
