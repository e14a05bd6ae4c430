package app.ghostresume.query.consumption;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.events.EventEnvelope;
import app.ghostresume.query.erasure.ReadModelErasure;
import app.ghostresume.query.erasure.SealedFields;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one polled batch in one PostgreSQL transaction: each event once and in its aggregate's order
 * ({@link EventOrder} holds what comes too early and drops redeliveries, the journal drops any copy it still
 * lets through), through every projection, together with the partitions' next offsets. Batches are applied optimistically,
 * straight through: the whole batch journaled by one statement first, then handed to each projection at once (so
 * that a projection can fold it into a few statements). Only when a record turns out to be one that can never be
 * applied is the batch rolled back and applied again record by record, with a savepoint around each, so that the
 * bad record alone is parked as a dead letter (a savepoint costs two round trips to the database, which would
 * double the cost of every event to guard against records that almost never come). Any other failure rolls back
 * the whole batch. A batch's commit waits for the disk: were it allowed not to, a crash of PostgreSQL could lose
 * a batch the consumer has already moved past.
 */
@Component
class BatchApplier {

    private static final Logger log = LoggerFactory.getLogger(BatchApplier.class);

    private final RecordReader reader;
    private final EventOrder order;
    private final TransactionTemplate batchTransaction;
    private final TransactionTemplate recordSavepoint;
    private final EventJournal journal;
    private final List<Projection> projections;
    private final SealedFields sealedFields;
    private final ReadModelErasure erasure;
    private final ConsumerOffsets offsets;
    private final SkippedEvents skippedEvents;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Counter heldCounter;

    BatchApplier(PlatformTransactionManager transactions, RecordReader reader, EventOrder order, EventJournal journal,
            List<Projection> projections, SealedFields sealedFields, ReadModelErasure erasure, ConsumerOffsets offsets,
            SkippedEvents skippedEvents, DeadLetters deadLetters, MeterRegistry meters) {
        this.reader = reader;
        this.order = order;
        this.batchTransaction = new TransactionTemplate(transactions);
        this.recordSavepoint = new TransactionTemplate(transactions);
        this.recordSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.journal = journal;
        this.projections = projections;
        this.sealedFields = sealedFields;
        this.erasure = erasure;
        this.offsets = offsets;
        this.skippedEvents = skippedEvents;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.applied = meters.counter("query.events.applied");
        this.duplicates = meters.counter("query.events.duplicates");
        this.deadLettered = meters.counter("query.events.dead_lettered");
        this.heldCounter = meters.counter("query.events.held_back");
    }

    /** Applies the batch and returns the next offset of each partition in it, as committed to PostgreSQL. */
    Map<TopicPartition, Long> apply(ConsumerRecords<byte[], byte[]> records, String group) {
        List<ReadRecord> batch = new ArrayList<>(records.count());
        records.forEach(record -> batch.add(reader.read(record)));
        Map<TopicPartition, Long> nextOffsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> inPartition = records.records(partition);
            nextOffsets.put(partition, inPartition.get(inPartition.size() - 1).offset() + 1);
        }
        Tally tally;
        try {
            tally = applyInOneTransaction(batch, nextOffsets, group, false);
        }
        catch (RuntimeException ex) {
            if (!neverApplicable(ex)) {
                throw ex;
            }
            log.info("A record of the batch cannot be applied ({}); applying the batch record by record", ex.toString());
            tally = applyInOneTransaction(batch, nextOffsets, group, true);
        }
        count(tally);
        return nextOffsets;
    }

    private Tally applyInOneTransaction(List<ReadRecord> batch, Map<TopicPartition, Long> nextOffsets, String group,
            boolean recordByRecord) {
        return batchTransaction.execute(status -> {
            Tally counts = new Tally();
            EventOrder.Admission admission = order.admit(batch);
            List<ReadRecord> admitted = opened(admission.admitted());
            counts.duplicates += admission.redelivered();
            counts.held += admission.held().size();
            if (recordByRecord) {
                admitted.forEach(read -> applyGuarded(read, counts));
            }
            else {
                Set<UUID> firstTime = journalAll(admitted);
                List<EventEnvelope> fresh = new ArrayList<>(firstTime.size());
                admitted.forEach(read -> sortStraight(read, firstTime, fresh, counts));
                projections.forEach(projection -> projection.applyAll(fresh));
                erasure.afterBatch(fresh);
                counts.applied += fresh.size();
            }
            order.store(admission);
            skippedEvents.countAll(counts.skipped);
            offsets.store(group, nextOffsets);
            return counts;
        });
    }

    /** The records with their events' personal fields opened, all with one read of the keys. */
    private List<ReadRecord> opened(List<ReadRecord> records) {
        List<EventEnvelope> events = records.stream().flatMap(read -> read.event().stream()).toList();
        if (events.isEmpty()) {
            return records;
        }
        Iterator<EventEnvelope> opened = sealedFields.open(events).iterator();
        List<ReadRecord> reads = new ArrayList<>(records.size());
        for (ReadRecord read : records) {
            reads.add(read.event().isPresent() ? ReadRecord.event(read.record(), opened.next()) : read);
        }
        return reads;
    }

    /** Journals every readable event of the batch at once; returns those not applied before. */
    private Set<UUID> journalAll(List<ReadRecord> batch) {
        List<EventEnvelope> events = batch.stream().flatMap(read -> read.event().stream()).toList();
        return events.isEmpty() ? new HashSet<>() : journal.recordAll(events);
    }

    /**
     * Sorts a record, already journaled, of a batch applied straight: an event in {@code firstTime} goes to
     * {@code fresh}, once (and is taken out, should the batch hold it twice); any other is a redelivery.
     */
    private void sortStraight(ReadRecord decoded, Set<UUID> firstTime, List<EventEnvelope> fresh, Tally tally) {
        if (decoded.undecodable() != null) {
            park(decoded.record(), decoded.undecodable(), tally);
        }
        else if (decoded.event().isEmpty()) {
            skip(decoded, tally);
        }
        else if (firstTime.remove(decoded.event().get().eventId())) {
            fresh.add(decoded.event().get());
        }
        else {
            tally.duplicates++;
        }
    }

    /** Applies a record behind a savepoint, parking it when it can never be applied. */
    private void applyGuarded(ReadRecord decoded, Tally tally) {
        if (decoded.undecodable() != null) {
            park(decoded.record(), decoded.undecodable(), tally);
        }
        else if (decoded.event().isEmpty()) {
            skip(decoded, tally);
        }
        else {
            EventEnvelope event = decoded.event().get();
            try {
                boolean firstTime = Boolean.TRUE.equals(recordSavepoint.execute(status -> project(event)));
                if (firstTime) {
                    tally.applied++;
                }
                else {
                    tally.duplicates++;
                }
            }
            catch (RuntimeException ex) {
                if (!neverApplicable(ex)) {
                    throw ex;
                }
                park(decoded.record(), event.type() + " " + event.eventId() + " cannot be projected: " + ex, tally);
            }
        }
    }

    /** Journals the event and projects it; {@code false} when it had been applied before. */
    private boolean project(EventEnvelope event) {
        if (!journal.record(event)) {
            return false;
        }
        projections.forEach(projection -> projection.apply(event));
        erasure.afterBatch(List.of(event));
        return true;
    }

    private void skip(ReadRecord read, Tally tally) {
        tally.skipped.add(read.skipped());
    }

    /** A constraint the payload breaks, or a projection failing on it, fails the same way on every retry. */
    private static boolean neverApplicable(RuntimeException ex) {
        if (ex instanceof DataIntegrityViolationException) {
            return true;
        }
        return !(ex instanceof DataAccessException) && !(ex instanceof TransactionException);
    }

    private void park(ConsumerRecord<byte[], byte[]> record, String error, Tally tally) {
        log.warn("Parking record {}-{}@{} as a dead letter: {}", record.topic(), record.partition(), record.offset(),
                error);
        deadLetters.park(record, error);
        tally.deadLettered++;
    }

    private void count(Tally tally) {
        applied.increment(tally.applied);
        duplicates.increment(tally.duplicates);
        deadLettered.increment(tally.deadLettered);
        heldCounter.increment(tally.held);
        tally.skipped.forEach(skipped -> meters.counter("query.events.skipped", "type", skipped.type(),
                "version", String.valueOf(skipped.version())).increment());
    }

    private static final class Tally {

        private int applied;
        private int duplicates;
        private int deadLettered;
        private int held;
        private final List<SkippedEvents.Kind> skipped = new ArrayList<>();
    }
}
