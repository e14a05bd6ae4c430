package app.ghostresume.command.platform.deadlines;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Persistent deadlines: Axon's {@code DbSchedulerDeadlineManager} on db-scheduler, which keeps every deadline as a
 * row of {@code scheduled_tasks} in our PostgreSQL, so deadlines survive restarts and any instance may fire them.
 *
 * <p>db-scheduler's Spring Boot starter (16.x) is written for Boot 3: its auto-configuration orders itself after
 * Boot 3's {@code DataSourceAutoConfiguration}, a class Boot 4 moved, so it cannot be relied on to find the
 * {@code DataSource}. The {@link Scheduler} is therefore made here. Its existence switches on Axon's
 * {@code AxonDbSchedulerAutoConfiguration}, which contributes the deadline manager (with the event serializer, so
 * deadline payloads are JSON like the events) and the db-scheduler {@link Task}s it executes, which this
 * scheduler receives; Axon leaves starting and stopping it to us ({@link DeadlineSchedulerLifecycle}).
 *
 * <p>The scheduler writes through a {@link TransactionAwareDataSourceProxy}: a deadline scheduled by a command
 * joins the command's transaction, so it commits with the command's events or not at all. Outside a transaction
 * (polling, firing) it takes its own connections as usual. Deadlines are never cancelled: one that is no longer
 * relevant fires and does nothing (see {@code AttemptAggregate}).
 *
 * <p>Any number of instances share the table. Each deadline is fired by one of them: the one that marks it picked.
 * Should that instance die while firing it, the others fire it again once its heartbeat has stopped for five
 * intervals ({@code DEADLINE_HEARTBEAT}, 2 s: about ten seconds). Firing twice changes nothing twice: the
 * attempt's deadline handlers act only on a waiting attempt whose deadline is still that one, and two instances
 * appending to one attempt at once cannot both succeed.
 *
 * <p>It tells time by the service's {@link Clock}, so tests that move the clock see deadlines fall due.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    private static final int MISSED_HEARTBEATS = 5;

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, Clock clock, DeadlineSettings settings) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .clock(clock::instant)
                .pollingInterval(settings.pollingInterval())
                .threads(settings.threads())
                .shutdownMaxWait(settings.shutdownMaxWait())
                // every instance polls; a deadline being fired is marked with the instance's name and kept alive by
                // its heartbeat, and fired again by another instance once that instance has missed five beats
                .schedulerName(new SchedulerName.Fixed(ManagementFactory.getRuntimeMXBean().getName()))
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .build();
    }

    @Bean
    DeadlineSchedulerLifecycle deadlineSchedulerLifecycle(Scheduler deadlineScheduler) {
        return new DeadlineSchedulerLifecycle(deadlineScheduler);
    }
}
