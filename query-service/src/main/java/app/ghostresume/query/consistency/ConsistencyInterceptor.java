package app.ghostresume.query.consistency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import app.ghostresume.query.system.CurrentSeekers;
import org.springframework.web.servlet.HandlerInterceptor;

/** Holds any {@code /api} query carrying a {@code Consistency-Token} until that event is projected. */
class ConsistencyInterceptor implements HandlerInterceptor {

    private final ConsistencyGate gate;

    ConsistencyInterceptor(ConsistencyGate gate) {
        this.gate = gate;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader(ConsistencyToken.HEADER);
        if (header != null) {
            gate.awaitProjected(ConsistencyToken.parse(header.strip()), CurrentSeekers.current());
        }
        return true;
    }
}
