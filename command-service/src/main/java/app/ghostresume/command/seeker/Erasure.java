package app.ghostresume.command.seeker;

import java.util.UUID;

import app.ghostresume.command.platform.personaldata.EventSealing;
import app.ghostresume.command.seeker.SeekerCommands.EraseSeeker;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a seeker on the write side, in one transaction with their {@code SeekerErased} event: the account goes (so
 * sign-in fails, the handle is free again and their tokens speak for nobody), with their imports' reports, the
 * answers kept for their retried requests and the aggregate snapshots that name them; and their key is shredded,
 * so that every personal field of every event they ever caused, in the event store and on the topic, can no longer
 * be read. The key goes first, in the key database, just before the transaction commits: should the commit then
 * fail, nothing of theirs can be read and the erasure can simply be asked for again.
 *
 * <p>What stays, without anything personal: the events themselves (their ids, dates, categories and outcomes, which
 * keep challenge tables and pooled statistics as others saw them), and the seeker's id in them.
 */
@Component
class Erasure {

    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final EventSealing sealing;
    private final SeekerCalendar calendar;

    Erasure(CommandGateway commands, JdbcClient jdbc, EventSealing sealing, SeekerCalendar calendar) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.calendar = calendar;
    }

    /** Returns the version of the seeker's aggregate with the erasure. */
    @Transactional
    long erase(UUID seekerId) {
        long version = commands.<Long>sendAndWait(new EraseSeeker(seekerId, calendar.today(seekerId)));
        jdbc.sql("DELETE FROM seeker_account WHERE seeker_id = ?").param(seekerId).update();
        jdbc.sql("DELETE FROM attempt_import WHERE seeker_id = ?").param(seekerId).update();
        jdbc.sql("DELETE FROM idempotent_request WHERE scope = ?").param("seeker:" + seekerId).update();
        // a share's snapshot holds its supporters' messages opened, a challenge's its members: made again from the
        // events at the next load, where what the seeker wrote reads as erased
        jdbc.sql("DELETE FROM snapshot_event_entry WHERE position(convert_to(?, 'UTF8') IN payload) > 0")
                .param(seekerId.toString()).update();
        sealing.shred(seekerId);
        calendar.forget(seekerId);
        return version;
    }
}
