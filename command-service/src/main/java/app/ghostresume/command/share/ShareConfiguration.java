package app.ghostresume.command.share;

import app.ghostresume.command.attempt.ShareableAttempts;
import app.ghostresume.command.challenge.ChallengeMembership;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;

@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class ShareConfiguration {

    static final int EVENTS_PER_SNAPSHOT = 100;

    /**
     * A share others answer gathers events like a challenge does (support given and taken back, reports), and each
     * answer would replay them all: a snapshot every {@value #EVENTS_PER_SNAPSHOT} events keeps loading it cheap.
     */
    @Bean
    SnapshotTriggerDefinition shareSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_PER_SNAPSHOT);
    }

    /** The share repository is looked up when first used: Axon's configuration is built after handler beans. */
    @Bean
    ShareCommandHandler shareCommandHandler(ShareableAttempts attempts, ChallengeMembership membership,
            ObjectProvider<Configuration> axon) {
        return new ShareCommandHandler(attempts, membership, () -> axon.getObject().repository(ShareAggregate.class));
    }
}
