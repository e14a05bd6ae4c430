package app.ghostresume.command.platform.publishing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Creates the seeker-events topic if it is missing: retention unlimited, since the log is the query side's
 * replay source. Runs in the background and keeps trying while Kafka is unreachable; commands are accepted
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
        NewTopic topic = new NewTopic(settings.topic(), settings.partitions(), (short) 1)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
        for (long backoff = 500; ; backoff = Math.min(backoff * 2, 10_000)) {
            try {
                admin.createTopics(List.of(topic)).all().get();
                log.info("Created topic {} with {} partitions", settings.topic(), settings.partitions());
                return;
            }
            catch (ExecutionException ex) {
                if (ex.getCause() instanceof TopicExistsException) {
                    return;
                }
                log.warn("Could not create topic {} yet ({}); retrying", settings.topic(), ex.getCause().getMessage());
            }
            Thread.sleep(backoff);
        }
    }
}
