package app.ghostresume.events;

import java.util.Map;
import java.util.Objects;

/**
 * The topic every event travels on, as both services create it if it is missing (whichever starts first): its name,
 * its partitions and its settings. It is kept forever, since it is what read models, rebuilds and reports replay
 * from. Both services read it from the same properties, {@code ghost.kafka.topic.name} and
 * {@code ghost.kafka.topic.partitions} ({@code KAFKA_TOPIC}, {@code KAFKA_TOPIC_PARTITIONS}).
 *
 * @param partitions how many partitions to create it with; events keep their order within their key
 *                   ({@link SeekerEvent#orderingKey}), so more partitions spread the load without losing order
 */
public record EventTopic(String name, int partitions) {

    /** One broker in the local stack; a production cluster would want three. */
    public static final short REPLICATION_FACTOR = 1;

    public EventTopic {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || partitions < 1) {
            throw new IllegalArgumentException("a topic needs a name and at least one partition: " + name + ", "
                    + partitions);
        }
    }

    /** The topic's settings beyond partitions: retention unlimited in time and in size. */
    public Map<String, String> configs() {
        return Map.of("retention.ms", "-1", "retention.bytes", "-1");
    }
}
