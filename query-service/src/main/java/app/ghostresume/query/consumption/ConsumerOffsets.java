package app.ghostresume.query.consumption;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.ghostresume.query.platform.SqlArrays;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The next offset to read per partition, kept in PostgreSQL beside the read models it describes. */
@Component
class ConsumerOffsets {

    private final JdbcClient jdbc;

    ConsumerOffsets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<TopicPartition, Long> load(String group, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            jdbc.sql("""
                    SELECT next_offset FROM consumer_offset
                    WHERE consumer_group = :group AND topic = :topic AND partition = :partition
                    """)
                    .param("group", group)
                    .param("topic", partition.topic())
                    .param("partition", partition.partition())
                    .query(Long.class)
                    .optional()
                    .ifPresent(offset -> offsets.put(partition, offset));
        }
        return offsets;
    }

    /** Stores the next offset of every partition of a batch with one statement. */
    void store(String group, Map<TopicPartition, Long> nextOffsets) {
        List<Map.Entry<TopicPartition, Long>> entries = List.copyOf(nextOffsets.entrySet());
        jdbc.sql("""
                INSERT INTO consumer_offset (consumer_group, topic, partition, next_offset, updated_at)
                SELECT :group, topic, partition, next_offset, now()
                FROM unnest(CAST(:topics AS text[]), CAST(:partitions AS int[]), CAST(:nextOffsets AS bigint[]))
                     AS stored (topic, partition, next_offset)
                ON CONFLICT (consumer_group, topic, partition)
                DO UPDATE SET next_offset = excluded.next_offset, updated_at = excluded.updated_at
                """)
                .param("group", group)
                .param("topics", SqlArrays.column(entries, entry -> entry.getKey().topic()))
                .param("partitions", SqlArrays.column(entries, entry -> entry.getKey().partition()))
                .param("nextOffsets", SqlArrays.column(entries, Map.Entry::getValue))
                .update();
    }
}
