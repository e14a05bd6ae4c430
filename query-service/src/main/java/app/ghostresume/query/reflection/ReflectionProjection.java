package app.ghostresume.query.reflection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.ReflectionRecorded;
import app.ghostresume.query.consumption.Projection;
import app.ghostresume.query.seeker.SeekerDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Fills {@code reflection} from ReflectionRecorded; a reflection is never changed, and a repeat is a no-op. */
@Component
class ReflectionProjection implements Projection {

    private final JdbcClient jdbc;
    private final SeekerDirectory seekers;

    ReflectionProjection(JdbcClient jdbc, SeekerDirectory seekers) {
        this.jdbc = jdbc;
        this.seekers = seekers;
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.payload() instanceof ReflectionRecorded reflection) {
            LocalDate recordedOn = seekers.dayOf(event);
            jdbc.sql("""
                    INSERT INTO reflection (reflection_id, attempt_id, seeker_id, what_happened, what_i_learned,
                                            next_time, was_it_personal, recorded_on, recorded_at, sequence)
                    VALUES (:reflectionId, :attemptId, :seekerId, :whatHappened, :whatILearned, :nextTime,
                            :wasItPersonal, :recordedOn, :recordedAt, :sequence)
                    ON CONFLICT (reflection_id) DO NOTHING
                    """)
                    .param("reflectionId", reflection.reflectionId())
                    .param("attemptId", reflection.attemptId())
                    .param("seekerId", event.seekerId())
                    .param("whatHappened", reflection.whatHappened())
                    .param("whatILearned", reflection.whatILearned())
                    .param("nextTime", reflection.nextTime())
                    .param("wasItPersonal", reflection.wasItPersonal() == null ? null
                            : reflection.wasItPersonal().name())
                    .param("recordedOn", recordedOn)
                    .param("recordedAt", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                    .param("sequence", event.aggregateSequence())
                    .update();
        }
    }
}
