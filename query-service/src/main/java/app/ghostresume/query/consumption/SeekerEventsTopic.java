package app.ghostresume.query.consumption;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import app.ghostresume.events.EventTopic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the events topic if it is missing, as {@link EventTopic} specifies it (the command service does the same,
 * whichever starts first).
 */
@Component
class SeekerEventsTopic {

    private static final Logger log = LoggerFactory.getLogger(SeekerEventsTopic.class);

    private final Admin admin;
    private final KafkaSettings settings;

    SeekerEventsTopic(Admin admin, KafkaSettings settings) {
        this.admin = admin;
        this.settings = settings;
    }

    /** Returns {@code true} once the topic exists; {@code false} when Kafka could not be reached. */
    boolean ensureExists() throws InterruptedException {
        EventTopic spec = settings.topic();
        NewTopic topic = new NewTopic(spec.name(), spec.partitions(), EventTopic.REPLICATION_FACTOR)
                .configs(spec.configs());
        try {
            admin.createTopics(List.of(topic), new CreateTopicsOptions().timeoutMs(5000)).all()
                    .get(10, TimeUnit.SECONDS);
            log.info("Created topic {} with {} partitions", spec.name(), spec.partitions());
            return true;
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof TopicExistsException) {
                return true;
            }
            log.warn("Could not create topic {} yet: {}", spec.name(), ex.getCause().toString());
            return false;
        }
        catch (TimeoutException ex) {
            log.warn("Could not reach Kafka at {} to create topic {}", settings.bootstrapServers(), spec.name());
            return false;
        }
    }
}
