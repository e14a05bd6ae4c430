package app.ghostresume.query.erasure;

import java.util.ArrayList;
import java.util.List;

import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.SeekerEvent;
import app.ghostresume.personal.Sealing;
import app.ghostresume.personal.SeekerKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** Opens the personal fields of a batch's events with one read of the keys they need. */
@Component
public class SealedFields {

    private final SeekerKeys keys;

    SealedFields(SeekerKeys keys) {
        this.keys = keys;
    }

    /** The envelopes with their payloads opened, in the same order. */
    public List<EventEnvelope> open(List<EventEnvelope> envelopes) {
        List<SeekerEvent> payloads = Sealing.openAll(envelopes.stream().map(EventEnvelope::payload).toList(),
                keys::openingKeys);
        List<EventEnvelope> opened = new ArrayList<>(envelopes.size());
        for (int i = 0; i < envelopes.size(); i++) {
            EventEnvelope envelope = envelopes.get(i);
            SeekerEvent payload = payloads.get(i);
            opened.add(payload == envelope.payload() ? envelope : new EventEnvelope(envelope.eventId(),
                    envelope.type(), envelope.version(), envelope.seekerId(), envelope.aggregateId(),
                    envelope.aggregateSequence(), envelope.occurredAt(), payload));
        }
        return opened;
    }

    @Configuration(proxyBeanMethods = false)
    static class Keys {

        @Bean(destroyMethod = "close")
        SeekerKeys seekerKeys(KeySettings settings) {
            return SeekerKeys.connect(settings.url(), settings.username(), settings.password(), settings.poolSize(),
                    settings.masterKeyset(), settings.createTable());
        }
    }
}
