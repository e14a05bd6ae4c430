package app.ghostresume.query.consumption;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import app.ghostresume.query.platform.SqlArrays;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each aggregate's events in the order of their sequence, whatever order they arrive in. Every aggregate's
 * position, the last sequence consumed, is kept in {@code aggregate_position} in the batch's transaction. A record
 * with the next sequence is admitted; one at or below the position is a redelivery and dropped; one further ahead
 * came before an event it follows and is held in {@code held_event}, with its bytes, until that event comes, when
 * it is admitted right behind it. Nothing that came too early is lost, and while anything is held health and the
 * {@code query.events.held} gauge show it.
 *
 * <p>Every aggregate's events share one ordering key, so one partition and one consumer thread: no two
 * transactions move one aggregate's position at once, but for the moments of a rebalance, when positions only
 * ever move forward.
 */
@Component("aggregatePositions")
class EventOrder {

    private static final Logger log = LoggerFactory.getLogger(EventOrder.class);

    private final JdbcClient jdbc;
    private final RecordReader reader;

    EventOrder(JdbcClient jdbc, RecordReader reader, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.reader = reader;
        Gauge.builder("query.events.held", this, order -> order.held().count())
                .description("events held because an earlier event of their aggregate has not come yet")
                .register(meters);
    }

    /**
     * Sorts a batch by its aggregates' positions: what to apply, in order (records that name no aggregate pass
     * as they are), what is a redelivery, and what to hold. Nothing is written until {@link #store}.
     */
    Admission admit(List<ReadRecord> batch) {
        String[] aggregates = batch.stream().map(ReadRecord::aggregateId).filter(Objects::nonNull)
                .distinct().toArray(String[]::new);
        if (aggregates.length == 0) {
            return new Admission(batch, 0, Map.of(), List.of(), List.of());
        }
        Map<String, Long> positions = new HashMap<>();
        // locked, in one order: should two consumers ever hold one partition at once (a member taken for dead
        // during a rebalance), the second waits for the first's positions instead of reading them stale
        jdbc.sql("""
                SELECT aggregate_id, last_sequence FROM aggregate_position WHERE aggregate_id = ANY(CAST(? AS text[]))
                ORDER BY aggregate_id FOR UPDATE
                """)
                .param(aggregates)
                .query(row -> {
                    positions.put(row.getString(1), row.getLong(2));
                });
        Map<String, TreeMap<Long, ReadRecord>> waiting = heldFor(aggregates);
        Map<String, Long> moved = new TreeMap<>();
        List<ReadRecord> admitted = new ArrayList<>(batch.size());
        List<ReadRecord> newlyHeld = new ArrayList<>();
        List<ReadRecord> released = new ArrayList<>();
        int redelivered = 0;
        for (ReadRecord read : batch) {
            if (!read.placed()) {
                admitted.add(read);
                continue;
            }
            String aggregate = read.aggregateId();
            TreeMap<Long, ReadRecord> held = waiting.computeIfAbsent(aggregate, key -> new TreeMap<>());
            // whatever was held and is next now goes first (its predecessor may have come in an earlier batch)
            long position = release(aggregate, positions.getOrDefault(aggregate, -1L), held, admitted, newlyHeld,
                    released);
            if (read.sequence() <= position || held.containsKey(read.sequence())) {
                redelivered++;
            }
            else if (read.sequence() > position + 1) {
                log.warn("Holding event {} of {} (partition {} offset {}): event {} has not come yet",
                        read.sequence(), aggregate, read.record().partition(), read.record().offset(), position + 1);
                held.put(read.sequence(), read);
                newlyHeld.add(read);
            }
            else {
                admitted.add(read);
                position = release(aggregate, read.sequence(), held, admitted, newlyHeld, released);
            }
            if (position > positions.getOrDefault(aggregate, -1L)) {
                positions.put(aggregate, position);
                moved.put(aggregate, position);
            }
        }
        return new Admission(admitted, redelivered, moved, newlyHeld, released);
    }

    /** Admits the held events that follow {@code position} without a gap; answers the position after them. */
    private static long release(String aggregate, long position, TreeMap<Long, ReadRecord> held,
            List<ReadRecord> admitted, List<ReadRecord> newlyHeld, List<ReadRecord> released) {
        for (ReadRecord next = held.remove(position + 1); next != null; next = held.remove(position + 1)) {
            log.info("Releasing held event {} of {}: the events before it have come", next.sequence(), aggregate);
            admitted.add(next);
            position = next.sequence();
            if (!newlyHeld.remove(next)) {
                released.add(next);
            }
        }
        return position;
    }

    /** Writes what {@link #admit} decided, in the same transaction as the read models it applied. */
    void store(Admission admission) {
        if (!admission.positions().isEmpty()) {
            List<Map.Entry<String, Long>> rows = List.copyOf(admission.positions().entrySet());
            jdbc.sql("""
                    INSERT INTO aggregate_position (aggregate_id, last_sequence)
                    SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS bigint[]))
                    ON CONFLICT (aggregate_id)
                    DO UPDATE SET last_sequence = GREATEST(aggregate_position.last_sequence, excluded.last_sequence)
                    """)
                    .params(SqlArrays.column(rows, Map.Entry::getKey), SqlArrays.column(rows, Map.Entry::getValue))
                    .update();
        }
        for (ReadRecord held : admission.held()) {
            ConsumerRecord<byte[], byte[]> record = held.record();
            jdbc.sql("""
                    INSERT INTO held_event (aggregate_id, aggregate_sequence, topic, partition, record_offset,
                                            record_key, record_value)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """)
                    .params(held.aggregateId(), held.sequence(), record.topic(), record.partition(), record.offset(),
                            record.key(), record.value())
                    .update();
        }
        for (ReadRecord released : admission.released()) {
            jdbc.sql("DELETE FROM held_event WHERE aggregate_id = ? AND aggregate_sequence = ?")
                    .params(released.aggregateId(), released.sequence())
                    .update();
        }
    }

    /** What is held now, across all partitions. */
    Held held() {
        return jdbc.sql("""
                SELECT count(*), count(DISTINCT aggregate_id), min(held_at),
                       CAST(1000 * extract(epoch FROM now() - min(held_at)) AS bigint)
                FROM held_event
                """)
                .query((row, number) -> row.getTimestamp(3) == null ? new Held(0, 0, null, Duration.ZERO)
                        : new Held(row.getLong(1), row.getLong(2), row.getTimestamp(3).toInstant(),
                                Duration.ofMillis(row.getLong(4))))
                .single();
    }

    private Map<String, TreeMap<Long, ReadRecord>> heldFor(String[] aggregates) {
        Map<String, TreeMap<Long, ReadRecord>> held = new HashMap<>();
        jdbc.sql("""
                SELECT aggregate_id, aggregate_sequence, topic, partition, record_offset, record_key, record_value
                FROM held_event WHERE aggregate_id = ANY(CAST(? AS text[]))
                """)
                .param(aggregates)
                .query(row -> {
                    ReadRecord read = reader.read(new ConsumerRecord<>(row.getString(3), row.getInt(4), row.getLong(5),
                            row.getBytes(6), row.getBytes(7)));
                    held.computeIfAbsent(row.getString(1), key -> new TreeMap<>()).put(row.getLong(2), read);
                });
        return held;
    }

    /**
     * A batch sorted: the records to apply, in order; how many were redeliveries; the positions they moved
     * aggregates to; the records to hold from now on; and the records held before that are now admitted.
     */
    record Admission(List<ReadRecord> admitted, int redelivered, Map<String, Long> positions, List<ReadRecord> held,
            List<ReadRecord> released) {
    }

    /**
     * Held events: how many, of how many aggregates, the oldest held since when ({@code null} when none) and for
     * how long by the database's clock.
     */
    record Held(long count, long aggregates, Instant oldestSince, Duration longest) {
    }
}
