package app.ghostresume.command.platform.personaldata;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import app.ghostresume.events.EventType;
import app.ghostresume.events.PersonalFields;
import app.ghostresume.personal.Sealing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals, in place, the personal fields of events stored before sealing existed, so that an erasure also covers what a
 * seeker wrote back then. It runs once per store, in the background after start-up, in batches in global-index order,
 * each batch in a transaction that also records how far it got ({@code personal_data_sealing}), so a restart resumes
 * and two instances take turns. A field already sealed is left alone; one of a seeker whose key is shredded becomes
 * {@link PersonalFields#ERASED}. Only the payloads' personal fields change; ids, order and everything else stay.
 *
 * <p>Records already published with plain text stay on the topic until it is replaced; the README's operations
 * section says how (publish the sealed store to a new topic and rebuild from it).
 */
@Component
public class PlaintextResealing {

    private static final Logger log = LoggerFactory.getLogger(PlaintextResealing.class);
    private static final int BATCH = 500;
    /** The personal fields of each event type that has any, by the type's name as stored. */
    private static final Map<String, List<String>> PERSONAL = Arrays.stream(EventType.values())
            .filter(type -> PersonalFields.any(type.eventClass()))
            .collect(Collectors.toMap(type -> type.eventClass().getName(),
                    type -> PersonalFields.names(type.eventClass())));

    private final JdbcClient jdbc;
    private final EventSealing sealing;
    private final TransactionTemplate transaction;
    private final JsonMapper json = JsonMapper.builder().build();

    PlaintextResealing(JdbcClient jdbc, EventSealing sealing, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    void inTheBackground() {
        Thread thread = new Thread(() -> {
            try {
                long sealed = runToTheEnd();
                if (sealed > 0) {
                    log.info("Sealed the personal fields of {} events stored in plain text", sealed);
                }
            }
            catch (RuntimeException ex) {
                log.warn("Could not seal the events stored in plain text; will try again at the next start", ex);
            }
        }, "plaintext-resealing");
        thread.setDaemon(true);
        thread.start();
    }

    /** Seals every event still in plain text; returns how many were changed. */
    public long runToTheEnd() {
        long changed = 0;
        Batch batch;
        do {
            batch = transaction.execute(status -> nextBatch());
            changed += batch.changed();
        }
        while (!batch.last());
        return changed;
    }

    private Batch nextBatch() {
        Progress progress = jdbc.sql("SELECT position, finished_at IS NOT NULL FROM personal_data_sealing "
                + "WHERE id = 1 FOR UPDATE").query((rs, n) -> new Progress(rs.getLong(1), rs.getBoolean(2))).single();
        if (progress.finished()) {
            return new Batch(0, true);
        }
        List<Stored> events = jdbc.sql("""
                SELECT global_index, payload_type, payload FROM domain_event_entry
                WHERE global_index > :position AND payload_type = ANY(:types)
                ORDER BY global_index LIMIT :batch""")
                .param("position", progress.position()).param("types", PERSONAL.keySet().toArray(String[]::new))
                .param("batch", BATCH)
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getBytes(3))).list();
        int changed = 0;
        for (Stored event : events) {
            byte[] resealed = resealed(PERSONAL.get(event.type()), event.payload());
            if (resealed != null) {
                jdbc.sql("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?")
                        .params(resealed, event.globalIndex()).update();
                changed++;
            }
        }
        boolean last = events.size() < BATCH;
        long position = events.isEmpty() ? progress.position() : events.get(events.size() - 1).globalIndex();
        jdbc.sql("UPDATE personal_data_sealing SET position = ?, finished_at = CASE WHEN ? THEN now() END "
                + "WHERE id = 1").params(position, last).update();
        return new Batch(changed, last);
    }

    /** The payload with its plain personal fields sealed, or {@code null} when it had none. */
    private byte[] resealed(List<String> fields, byte[] payload) {
        JsonNode tree = json.readTree(payload);
        if (!(tree instanceof ObjectNode object) || !object.path("seekerId").isString()) {
            return null;
        }
        UUID seeker = UUID.fromString(object.get("seekerId").asString());
        boolean changed = false;
        for (String field : fields) {
            JsonNode value = object.get(field);
            if (value != null && value.isString() && !Sealing.isSealed(value.asString())) {
                object.put(field, sealing.sealText(seeker, value.asString()));
                changed = true;
            }
        }
        return changed ? json.writeValueAsString(object).getBytes(StandardCharsets.UTF_8) : null;
    }

    private record Progress(long position, boolean finished) {
    }

    private record Stored(long globalIndex, String type, byte[] payload) {
    }

    private record Batch(int changed, boolean last) {
    }
}
