package app.ghostresume.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.ghostresume.stack.ServiceProcess;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Rebuilding the read models from the start of the topic, and the limit of that: a bare {@code KafkaConsumer}
 * reading the same records without doing anything with them.
 *
 * <p>The rebuild is a fresh query-service instance with an empty database and a consumer group of its own, the
 * same thing {@code REBUILD_READ_MODELS=true} amounts to but beside the running instance, which keeps serving. Its
 * rate is counted from the first batch it committed to the moment its stored offsets reach the topic's end, so
 * the JVM's start-up is left out (and reported separately).
 */
final class ReplayProbe {

    private ReplayProbe() {
    }

    /**
     * @param replica      the fresh instance, configured but not started
     * @param resources    sampled once the replay is done, while the instance still runs
     */
    static Replay measure(ServiceProcess replica, ProjectedOffsets replicaProgress, String bootstrapServers,
            String topic, Duration limit, Runnable resources) throws InterruptedException {
        long target = TopicOffsets.sum(TopicOffsets.end(bootstrapServers, topic));
        long started = System.nanoTime();
        replica.start();
        ProjectedOffsets.Progress progress;
        try {
            progress = replicaProgress.awaitTotal(target, limit, Duration.ofMillis(100));
            resources.run();
        }
        finally {
            replica.stop();
        }
        double wall = (System.nanoTime() - started) / 1e9;
        Bare bare = bareConsumer(bootstrapServers, topic);
        return new Replay(progress.projected(), target, progress.caughtUp(),
                progress.projected() - progress.firstSeen(), progress.secondsFromFirst(), wall, bare);
    }

    /** Reads every partition from its beginning to the end offsets it had when the read began. */
    static Bare bareConsumer(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = TopicOffsets.consumer(bootstrapServers, true)) {
            List<TopicPartition> partitions = TopicOffsets.partitions(bootstrapServers, topic);
            Map<TopicPartition, Long> end = TopicOffsets.end(bootstrapServers, topic);
            long started = System.nanoTime();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long records = 0;
            long bytes = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    bytes += record.serializedKeySize() + record.serializedValueSize();
                }
            }
            return new Bare(records, bytes, (System.nanoTime() - started) / 1e9);
        }
    }

    /** The bare consumer's read: how many records and (uncompressed) key and value bytes, in how long. */
    record Bare(long records, long bytes, double seconds) {

        double rate() {
            return records / seconds;
        }
    }

    /**
     * @param replayed      records projected in {@code seconds}, counted from the first committed batch
     * @param wallSeconds   from starting the JVM to caught up, start-up included
     */
    record Replay(long projected, long onTopic, boolean caughtUp, long replayed, double seconds, double wallSeconds,
            Bare bare) {

        double rate() {
            return seconds == 0 ? 0 : replayed / seconds;
        }

        double ratio() {
            return rate() / bare.rate();
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("recordsOnTopic", onTopic);
            map.put("recordsProjected", projected);
            map.put("caughtUp", caughtUp);
            map.put("replayedPerSecond", Measurement.round(rate()));
            map.put("replaySeconds", Measurement.round(seconds));
            map.put("wallSecondsIncludingStartUp", Measurement.round(wallSeconds));
            map.put("bareConsumerRecords", bare.records());
            map.put("bareConsumerSeconds", Measurement.round(bare.seconds()));
            map.put("bareConsumerPerSecond", Measurement.round(bare.rate()));
            map.put("bareConsumerMegabytesPerSecond", Measurement.round(bare.bytes() / 1e6 / bare.seconds()));
            map.put("replayToBareRatio", Math.round(ratio() * 10_000) / 10_000.0);
            return map;
        }
    }

    /** The folder where the replica's log goes, beside the stack's own service logs. */
    static Path logFile(Path home) {
        return home.resolve("logs").resolve("query-service-replay.log");
    }
}
