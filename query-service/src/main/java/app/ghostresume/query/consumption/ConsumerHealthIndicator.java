package app.ghostresume.query.consumption;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The consumer thread is alive. Should it ever stop on an unexpected error, the service leaves readiness
 * instead of answering from read models that no longer move.
 */
@Component("consumer")
class ConsumerHealthIndicator extends AbstractHealthIndicator {

    private final EventConsumer consumer;

    ConsumerHealthIndicator(EventConsumer consumer) {
        super("The event consumer is not running");
        this.consumer = consumer;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (consumer.isRunning()) {
            builder.up();
        }
        else {
            builder.down();
        }
    }
}
