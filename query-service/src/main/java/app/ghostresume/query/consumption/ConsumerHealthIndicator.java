package app.ghostresume.query.consumption;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Every consumer thread is alive. Should one ever stop on an unexpected error, the service leaves readiness
 * instead of answering from read models that no longer move.
 */
@Component("consumer")
class ConsumerHealthIndicator extends AbstractHealthIndicator {

    private final EventConsumers consumers;

    ConsumerHealthIndicator(EventConsumers consumers) {
        super("An event consumer is not running");
        this.consumers = consumers;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (consumers.allConsuming()) {
            builder.up();
        }
        else {
            builder.down();
        }
    }
}
