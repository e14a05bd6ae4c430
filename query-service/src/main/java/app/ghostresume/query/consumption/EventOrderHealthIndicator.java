package app.ghostresume.query.consumption;

import java.time.Duration;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * A gap in an aggregate's history: events held because an earlier one has not come. A moment's hold is normal
 * while a late event is still on its way; one older than {@code query.events.gap-alarm-after} is reported DOWN,
 * so the alarm is raised. Reads still answer (this is not part of readiness): what they show lacks only the held
 * events.
 */
@Component("eventOrder")
class EventOrderHealthIndicator extends AbstractHealthIndicator {

    private final EventOrder order;
    private final Duration alarmAfter;

    EventOrderHealthIndicator(EventOrder order, ConsumptionSettings.Events settings) {
        super("Held events could not be counted");
        this.order = order;
        this.alarmAfter = settings.gapAlarmAfter();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        EventOrder.Held held = order.held();
        builder.withDetail("heldEvents", held.count()).withDetail("aggregatesWithGaps", held.aggregates());
        if (held.oldestSince() == null) {
            builder.up();
            return;
        }
        builder.withDetail("heldSince", held.oldestSince().toString());
        if (held.longest().compareTo(alarmAfter) > 0) {
            builder.down();
        }
        else {
            builder.up();
        }
    }
}
