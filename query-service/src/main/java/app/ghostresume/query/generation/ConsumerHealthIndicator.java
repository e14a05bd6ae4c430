package app.ghostresume.query.generation;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Every consumer thread is alive, of the live generation and of one being rebuilt. Should one ever stop on an
 * unexpected error, the service leaves readiness instead of answering from read models that no longer move.
 */
@Component("consumer")
class ConsumerHealthIndicator extends AbstractHealthIndicator {

    private final Generations generations;

    ConsumerHealthIndicator(Generations generations) {
        super("An event consumer is not running");
        this.generations = generations;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (generations.allConsuming()) {
            builder.up();
        }
        else {
            builder.down();
        }
    }
}
