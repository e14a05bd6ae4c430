package app.ghostresume.command.platform.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the deadline scheduler last, once Axon (whose aggregates handle the deadlines) has started, and stops it
 * first, before Axon stops, waiting briefly for deadlines being handled. A deadline whose handling is cut short is
 * still in the table and fires again later.
 */
class DeadlineSchedulerLifecycle implements SmartLifecycle {

    private final Scheduler scheduler;
    private volatile boolean running;

    DeadlineSchedulerLifecycle(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        scheduler.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After Axon's configuration ({@code Integer.MAX_VALUE - 3072}) on start, before it on stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
