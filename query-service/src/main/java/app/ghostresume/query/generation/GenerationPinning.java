package app.ghostresume.query.generation;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Pins each request to the generation live when it came in, for every statement it makes, in every dispatch of it
 * (a read parked for its {@code Consistency-Token} is answered by a later dispatch, on another thread): no request
 * sees two generations, even when a switch falls in the middle of it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class GenerationPinning extends OncePerRequestFilter {

    private static final String ATTRIBUTE = GenerationPinning.class.getName();

    private final ReadModelDataSource dataSource;

    GenerationPinning(ReadModelDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The generation the request reads. One whose tables are no longer kept here (it was switched away from while the
     * request waited) gives way to the live one, which has everything the old one had.
     */
    public Generation of(ServletRequest request) {
        Generation pinned = (Generation) request.getAttribute(ATTRIBUTE);
        if (pinned == null || (pinned.number() != dataSource.live().number() && !dataSource.isOpen(pinned))) {
            pinned = dataSource.live();
            request.setAttribute(ATTRIBUTE, pinned);
        }
        return pinned;
    }

    /** The live generation, as this instance last saw it. */
    public Generation live() {
        return dataSource.live();
    }

    /** Moves a request that waits to the live generation, if it is pinned to another: its old one stops moving. */
    public Generation repinToLive(ServletRequest request) {
        Generation live = dataSource.live();
        request.setAttribute(ATTRIBUTE, live);
        return live;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (ReadModelDataSource.Pin pinned = ReadModelDataSource.pin(of(request))) {
            chain.doFilter(request, response);
        }
    }
}
