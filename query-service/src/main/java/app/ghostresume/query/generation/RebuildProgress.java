package app.ghostresume.query.generation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.apache.kafka.common.TopicPartition;

/**
 * How far a rebuild has come, across every instance: what its consumer group has stored in its own schema, against
 * where the topic ends and where the live generation stands.
 *
 * @param applied         records behind the rebuilt generation's stored offsets (each applied, or parked or
 *                        skipped as the live generation would)
 * @param total           records in the topic, to its end
 * @param behindLive      records the live generation has and the rebuilt one not yet
 * @param eventsPerSecond records applied per second, over the last few seconds
 * @param secondsLeft     at that rate, until the rebuilt generation reaches the end of the topic; {@code null}
 *                        before there is a rate
 * @param partitions      per partition, where each stands
 */
public record RebuildProgress(int generation, Generation.State state, String reason, Instant startedAt, long applied,
        long total, long behindLive, double percent, double eventsPerSecond, Long secondsLeft,
        List<PartitionProgress> partitions) {

    /** One partition: the rebuilt generation's next offset, the live one's, and the end of the partition. */
    public record PartitionProgress(int partition, long nextOffset, long liveNextOffset, long endOffset) {

        public long lag() {
            return Math.max(0, endOffset - nextOffset);
        }
    }

    static RebuildProgress of(Generation building, Map<TopicPartition, Long> rebuilt, Map<TopicPartition, Long> live,
            Map<TopicPartition, Long> ends, double eventsPerSecond) {
        TreeSet<TopicPartition> all = new TreeSet<>((a, b) -> Integer.compare(a.partition(), b.partition()));
        all.addAll(rebuilt.keySet());
        all.addAll(live.keySet());
        all.addAll(ends.keySet());
        List<PartitionProgress> partitions = new ArrayList<>();
        long applied = 0;
        long total = 0;
        long behindLive = 0;
        for (TopicPartition partition : all) {
            long next = rebuilt.getOrDefault(partition, 0L);
            long liveNext = live.getOrDefault(partition, 0L);
            // the topic's end as Kafka last told it, or at least what the generations have read
            long end = Math.max(ends.getOrDefault(partition, 0L), Math.max(next, liveNext));
            partitions.add(new PartitionProgress(partition.partition(), next, liveNext, end));
            applied += next;
            total += end;
            behindLive += Math.max(0, liveNext - next);
        }
        double percent = total == 0 ? 100 : Math.floor(1000.0 * applied / total) / 10;
        Long secondsLeft = eventsPerSecond > 0 ? (long) Math.ceil((total - applied) / eventsPerSecond) : null;
        return new RebuildProgress(building.number(), building.state(), building.reason(), building.createdAt(),
                applied, total, behindLive, percent, Math.round(eventsPerSecond * 10) / 10.0, secondsLeft,
                List.copyOf(partitions));
    }

    /** Whether the rebuilt generation stands where the live one does, or beyond, in every partition. */
    static boolean reached(Map<TopicPartition, Long> rebuilt, Map<TopicPartition, Long> live) {
        return live.entrySet().stream().allMatch(entry -> rebuilt.getOrDefault(entry.getKey(), 0L) >= entry.getValue());
    }

    /** One line for the log. */
    String line() {
        return String.format(Locale.ROOT,
                "Rebuilding read models (generation %d): %,d of %,d records (%.1f %%), %,.0f records/s, %s left, "
                        + "%,d behind the live generation",
                generation, applied, total, percent, eventsPerSecond,
                secondsLeft == null ? "unknown time" : Duration.ofSeconds(secondsLeft).toString().substring(2)
                        .toLowerCase(Locale.ROOT),
                behindLive);
    }
}
