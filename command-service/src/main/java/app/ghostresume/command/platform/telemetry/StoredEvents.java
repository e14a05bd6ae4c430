package app.ghostresume.command.platform.telemetry;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import app.ghostresume.events.AttemptGhosted;
import app.ghostresume.events.EventType;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.SeekerEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Sees every event on its way into the event store. It counts the events once their unit of work has committed
 * ({@code ghost.events.stored} by type, and {@code ghost.rejections.logged} for each no, received or ghosted), and
 * it puts the trace context of the command that caused them ({@code traceparent}, W3C) into their metadata, where
 * the Kafka publisher, on another thread and perhaps in another instance, finds it.
 */
@Configuration(proxyBeanMethods = false)
class StoredEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    private final Tracer tracer;
    private final Propagator propagator;
    /** Made once, every type's at start (so each is exposed from zero): a command counts without a lookup. */
    private final Map<EventType, Counter> stored = new EnumMap<>(EventType.class);
    private final Counter rejected;
    private final Counter ghosted;
    private final Counter ghostedAutomatically;

    StoredEvents(MeterRegistry meters, Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
        for (EventType type : EventType.values()) {
            stored.put(type, meters.counter("ghost.events.stored", "type", type.typeName()));
        }
        this.rejected = meters.counter("ghost.rejections.logged", "outcome", "rejected");
        this.ghosted = meters.counter("ghost.rejections.logged", "outcome", "ghosted");
        this.ghostedAutomatically = meters.counter("ghost.rejections.logged", "outcome", "ghosted-automatically");
    }

    @Autowired
    void interceptEventsOf(EventBus eventBus) {
        eventBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (CurrentUnitOfWork.isStarted()) {
            List<? extends EventMessage<?>> stored = List.copyOf(messages);
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> count(stored));
        }
        else {
            count(messages);
        }
        Map<String, String> trace = currentTraceContext();
        return (index, message) -> trace.isEmpty() ? message : message.andMetaData(trace);
    }

    private Map<String, String> currentTraceContext() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return Map.of();
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier;
    }

    private void count(List<? extends EventMessage<?>> messages) {
        for (EventMessage<?> message : messages) {
            if (message.getPayload() instanceof SeekerEvent event) {
                stored.get(EventType.of(event)).increment();
                if (event instanceof RejectionReceived) {
                    rejected.increment();
                }
                else if (event instanceof AttemptGhosted ghosting) {
                    (ghosting.automatic() ? ghostedAutomatically : ghosted).increment();
                }
            }
        }
    }
}
