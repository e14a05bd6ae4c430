package app.ghostresume.command.platform.telemetry;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What waits in the command service's database, sampled every few seconds (so a scrape never waits on it, and a
 * database away leaves the last figures): {@code ghost.publisher.lag}, the events stored but not yet acknowledged
 * by Kafka (past the publisher's token), and {@code ghost.deadlines.due}, the deadlines due and not yet picked up.
 * Every instance reports the same figures, read from the one database. Also counts each deadline fired
 * ({@code ghost.deadlines.fired}, by name) in the instance that fires it.
 */
@Component
class PipelineBacklog {

    private static final Logger log = LoggerFactory.getLogger(PipelineBacklog.class);

    /** The publisher's position: its token is a gap-aware tracking token stored as JSON. */
    private static final String PUBLISHER_LAG = """
            SELECT count(*) FROM domain_event_entry
             WHERE global_index > coalesce((SELECT (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint
                                              FROM token_entry
                                             WHERE processor_name = 'kafka-publisher' AND segment = 0
                                               AND token_type LIKE '%GapAwareTrackingToken'), -1)""";

    private static final String DEADLINES_DUE =
            "SELECT count(*) FROM scheduled_tasks WHERE execution_time <= now() AND NOT picked";

    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final AtomicLong publisherLag = new AtomicLong();
    private final AtomicLong deadlinesDue = new AtomicLong();

    PipelineBacklog(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
        Gauge.builder("ghost.publisher.lag", publisherLag, AtomicLong::get).baseUnit("events")
                .description("events stored but not yet acknowledged by Kafka").register(meters);
        Gauge.builder("ghost.deadlines.due", deadlinesDue, AtomicLong::get)
                .description("deadlines (ghosting, follow-up reminders) due and not yet fired").register(meters);
    }

    @Autowired
    void countFired(DeadlineManager deadlines) {
        deadlines.registerHandlerInterceptor((unitOfWork, chain) -> {
            DeadlineMessage<?> deadline = unitOfWork.getMessage();
            meters.counter("ghost.deadlines.fired", "name", deadline.getDeadlineName()).increment();
            return chain.proceed();
        });
    }

    @Scheduled(fixedDelayString = "${ghost.metrics.backlog-interval:PT5S}")
    void sample() {
        try {
            publisherLag.set(jdbc.sql(PUBLISHER_LAG).query(Long.class).single());
            deadlinesDue.set(jdbc.sql(DEADLINES_DUE).query(Long.class).single());
        }
        catch (RuntimeException ex) {
            log.debug("Could not sample the pipeline's backlog: {}", ex.toString());
        }
    }
}
