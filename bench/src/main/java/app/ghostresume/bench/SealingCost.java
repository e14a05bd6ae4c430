package app.ghostresume.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.PersonalFields;
import app.ghostresume.events.SeekerEvent;
import app.ghostresume.personal.Sealing;
import app.ghostresume.personal.SeekerKeys;
import com.google.crypto.tink.Aead;

/**
 * What crypto-shredding costs, measured on the seeded history itself: each seeded event is sealed with its seeker's
 * key as the command service's publisher seals it (keys made in the stack's key database, as on a seeker's first
 * event), and a sample of the sealed events is then opened the way the query service opens a batch (one lookup of
 * the batch's keys in the key database, then the fields). Times are this thread's; sealing and opening are CPU.
 */
final class SealingCost {

    /** Batches opened as the query service opens them (its poll size). */
    static final int BATCH = 500;
    private static final int SAMPLE = 50_000;

    private final SeekerKeys keys;
    private final Map<UUID, Aead> made = new HashMap<>();
    private final List<SeekerEvent> sample = new ArrayList<>();
    private long events;
    private long withPersonalFields;
    private long sealNanos;
    private long keyNanos;

    SealingCost(SeekerKeys keys) {
        this.keys = keys;
    }

    /** The envelope with its payload sealed, timed. */
    EventEnvelope seal(EventEnvelope envelope) {
        events++;
        SeekerEvent payload = envelope.payload();
        if (!PersonalFields.any(payload.getClass())) {
            return envelope;
        }
        withPersonalFields++;
        long start = System.nanoTime();
        Aead key = made.get(payload.seekerId());
        if (key == null) {
            key = keys.sealingKey(payload.seekerId()).orElseThrow();
            made.put(payload.seekerId(), key);
        }
        long keyed = System.nanoTime();
        SeekerEvent sealed = Sealing.seal(payload, Optional.of(key));
        sealNanos += System.nanoTime() - keyed;
        keyNanos += keyed - start;
        if (sample.size() < SAMPLE) {
            sample.add(sealed);
        }
        return new EventEnvelope(envelope.eventId(), envelope.type(), envelope.version(), envelope.seekerId(),
                envelope.aggregateId(), envelope.aggregateSequence(), envelope.occurredAt(), sealed);
    }

    /** Opens the sample batch by batch, as the query service does, and reports everything. */
    Costs measureOpening() {
        long lookups = 0;
        long lookupNanos = 0;
        long openNanos = 0;
        for (int from = 0; from < sample.size(); from += BATCH) {
            List<SeekerEvent> batch = sample.subList(from, Math.min(sample.size(), from + BATCH));
            long[] lookup = new long[1];
            long start = System.nanoTime();
            Sealing.openAll(batch, seekers -> {
                long asked = System.nanoTime();
                Map<UUID, Aead> found = keys.openingKeys(seekers);
                lookup[0] = System.nanoTime() - asked;
                return found;
            });
            openNanos += System.nanoTime() - start - lookup[0];
            lookupNanos += lookup[0];
            lookups++;
        }
        return new Costs(events, withPersonalFields, made.size(), sealNanos / 1e3 / Math.max(1, withPersonalFields),
                keyNanos / 1e3 / Math.max(1, made.size()), sample.size(), openNanos / 1e3 / Math.max(1, sample.size()),
                lookupNanos / 1e6 / Math.max(1, lookups), lookupNanos / 1e3 / Math.max(1, sample.size()));
    }

    /**
     * @param sealMicros          per event with personal fields, sealing them all
     * @param keyMakingMicros     per seeker, making and storing their key
     * @param openMicros          per opened event, its fields (without the lookup)
     * @param lookupMillis        per batch of {@value #BATCH}, reading its seekers' keys (SQL and unwrapping)
     * @param lookupMicrosPerEvent the same, per event
     */
    record Costs(long events, long withPersonalFields, int seekers, double sealMicros, double keyMakingMicros,
            int opened, double openMicros, double lookupMillis, double lookupMicrosPerEvent) {

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("events", events);
            map.put("eventsWithPersonalFields", withPersonalFields);
            map.put("seekersKeyed", seekers);
            map.put("sealMicrosPerEvent", Measurement.round(sealMicros));
            map.put("keyMakingMicrosPerSeeker", Measurement.round(keyMakingMicros));
            map.put("eventsOpened", opened);
            map.put("openMicrosPerEvent", Measurement.round(openMicros));
            map.put("keyLookupMillisPerBatch", Measurement.round(lookupMillis));
            map.put("keyLookupMicrosPerEvent", Measurement.round(lookupMicrosPerEvent));
            return map;
        }
    }
}
