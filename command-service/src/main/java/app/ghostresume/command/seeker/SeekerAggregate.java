package app.ghostresume.command.seeker;

import java.time.ZoneId;
import java.util.UUID;

import app.ghostresume.events.SeekerRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A person who collects attempts. Handle uniqueness is guarded by the account table, not here. */
@Aggregate
class SeekerAggregate {

    @AggregateIdentifier
    private UUID seekerId;

    SeekerAggregate() {
        // for Axon
    }

    @CommandHandler
    SeekerAggregate(RegisterSeeker command) {
        apply(new SeekerRegistered(command.seekerId(), command.handle(), command.displayName(), command.timeZone()));
    }

    @EventSourcingHandler
    void on(SeekerRegistered event) {
        seekerId = event.seekerId();
    }

    record RegisterSeeker(UUID seekerId, String handle, String displayName, ZoneId timeZone) {
    }
}
