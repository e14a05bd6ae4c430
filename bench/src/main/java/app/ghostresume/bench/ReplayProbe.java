package app.ghostresume.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import app.ghostresume.stack.testing.HttpApi;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Rebuilding the read models from the start of the topic, and the limit of that: a bare {@code KafkaConsumer}
 * reading the same records without doing anything with them.
 *
 * <p>The rebuild is the one an operator starts ({@code POST /api/operator/read-models/rebuild}): the running query
 * service builds a new generation of every read model in a schema and consumer group of its own, beside the live
 * generation, which keeps consuming and serving, and switches readers to it once it has caught up. Its rate is
 * counted from the first progress it reports to the switch, so migrating the new schema is left out (and reported
 * as wall time). Its cost is the CPU every part spent between the same two moments, per event replayed.
 */
final class ReplayProbe {

    private static final String REBUILD = "/api/operator/read-models/rebuild";

    private ReplayProbe() {
    }

    /**
     * @param resources sampled once the rebuild is live
     * @param cpu       CPU per part so far, sampled at the first progress and at the switch
     */
    static Replay measure(HttpApi queries, String operatorToken, String bootstrapServers, String topic,
            Duration limit, Runnable resources, Supplier<Map<String, Double>> cpu) throws InterruptedException {
        long target = TopicOffsets.sum(TopicOffsets.end(bootstrapServers, topic));
        long started = System.nanoTime();
        HttpApi.Answer start = queries.post(REBUILD, Map.of()).token(operatorToken).send();
        if (start.status() != 202) {
            throw new IllegalStateException("the rebuild did not start: " + start);
        }
        int generation = start.body().get("generation").asInt();
        long deadline = started + limit.toNanos();
        long firstSeenAt = -1;
        long firstSeen = 0;
        long applied = 0;
        long doneAt = -1;
        Map<String, Double> cpuAtFirst = Map.of();
        Map<String, Double> cpuAtDone = Map.of();
        while (System.nanoTime() < deadline) {
            HttpApi.Answer progress = queries.get(REBUILD).token(operatorToken).send();
            long now = System.nanoTime();
            if (progress.status() == 404) {
                doneAt = now;
                cpuAtDone = cpu.get();
                break;
            }
            applied = progress.body().get("applied").asLong();
            if (firstSeenAt < 0 && applied > 0) {
                firstSeenAt = now;
                firstSeen = applied;
                cpuAtFirst = cpu.get();
            }
            Thread.sleep(100);
        }
        boolean live = doneAt > 0 && queries.get("/api/operator/read-models").token(operatorToken).send().body()
                .get("live").get("generation").asInt() == generation;
        resources.run();
        long projected = live ? Math.max(applied, target) : applied;
        double seconds = firstSeenAt < 0 || doneAt < 0 ? 0 : (doneAt - firstSeenAt) / 1e9;
        double wall = ((doneAt > 0 ? doneAt : System.nanoTime()) - started) / 1e9;
        Bare bare = bareConsumer(bootstrapServers, topic);
        return new Replay(projected, target, live, projected - firstSeen, seconds, wall, bare,
                CpuCost.between(cpuAtFirst, cpuAtDone, projected - firstSeen));
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
     * @param caughtUp      the rebuilt generation became live (it had caught up with the live one)
     * @param replayed      records projected in {@code seconds}, counted from the first progress reported
     * @param wallSeconds   from asking for the rebuild to the switch, migrating the new schema included
     * @param cost          CPU per part per replayed event, from the first progress to the switch
     */
    record Replay(long projected, long onTopic, boolean caughtUp, long replayed, double seconds, double wallSeconds,
            Bare bare, CpuCost cost) {

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
            map.put("wallSecondsIncludingMigration", Measurement.round(wallSeconds));
            map.put("bareConsumerRecords", bare.records());
            map.put("bareConsumerSeconds", Measurement.round(bare.seconds()));
            map.put("bareConsumerPerSecond", Measurement.round(bare.rate()));
            map.put("bareConsumerMegabytesPerSecond", Measurement.round(bare.bytes() / 1e6 / bare.seconds()));
            map.put("replayToBareRatio", Math.round(ratio() * 10_000) / 10_000.0);
            map.put("cpuMicrosPerEvent", cost.toMap());
            return map;
        }
    }
}
