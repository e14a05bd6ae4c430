package app.ghostresume.query.consumption;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How the read models are kept. */
final class ConsumptionSettings {

    private ConsumptionSettings() {
    }

    /** @param gapAlarmAfter how long an event may wait for its aggregate's earlier one before health reports it */
    @ConfigurationProperties("query.events")
    record Events(@DefaultValue("30s") Duration gapAlarmAfter) {
    }
}
