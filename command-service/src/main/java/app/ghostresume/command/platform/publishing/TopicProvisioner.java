package app.ghostresume.command.platform.publishing;

import java.util.List;
import java.util.concurrent.ExecutionException;

import app.ghostresume.events.EventTopic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Creates the events topic if it is missing, as {@link EventTopic} specifies it (the query service does the same,
 * whichever starts first). Runs in the background and keeps trying while Kafka is unreachable; commands are accepted
 * meanwhile and published once the topic exists.
 */
@Component
class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final KafkaSettings settings;

    TopicProvisioner(Admin admin, KafkaSettings settings) {
        this.admin = admin;
        this.settings = settings;
    }

    @Async
    @EventListener(ApplicationReadyEvent.class)
    public void ensureTopic() throws InterruptedException {
        EventTopic spec = settings.topic();
        NewTopic topic = new NewTopic(spec.name(), spec.partitions(), EventTopic.REPLICATION_FACTOR)
                .configs(spec.configs());
        for (long backoff = 500; ; backoff = Math.min(backoff * 2, 10_000)) {
            try {
                admin.createTopics(List.of(topic)).all().get();
                log.info("Created topic {} with {} partitions", spec.name(), spec.partitions());
                return;
            }
            catch (ExecutionException ex) {
                if (ex.getCause() instanceof TopicExistsException) {
                    return;
                }
                log.warn("Could not create topic {} yet ({}); retrying", spec.name(), ex.getCause().getMessage());
            }
            Thread.sleep(backoff);
        }
    }
}
