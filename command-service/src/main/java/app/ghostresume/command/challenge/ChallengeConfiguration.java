package app.ghostresume.command.challenge;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChallengeConfiguration {

    static final int EVENTS_PER_SNAPSHOT = 100;

    /**
     * Unlike an attempt or a goal, a challenge gathers hundreds of events (every member joins, some leave and come
     * back), and each join would replay them all. A snapshot every {@value #EVENTS_PER_SNAPSHOT} events keeps
     * loading a challenge cheap.
     */
    @Bean
    SnapshotTriggerDefinition challengeSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_PER_SNAPSHOT);
    }
}
