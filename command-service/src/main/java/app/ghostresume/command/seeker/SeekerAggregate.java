package app.ghostresume.command.seeker;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.command.platform.PlausibleDates;
import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.command.platform.Subject;
import app.ghostresume.command.seeker.SeekerCommands.CancelPause;
import app.ghostresume.command.seeker.SeekerCommands.ChangeProfile;
import app.ghostresume.command.seeker.SeekerCommands.ChangeSettings;
import app.ghostresume.command.seeker.SeekerCommands.EraseSeeker;
import app.ghostresume.command.seeker.SeekerCommands.SchedulePause;
import app.ghostresume.events.PauseCancelled;
import app.ghostresume.events.PauseScheduled;
import app.ghostresume.events.ProfileChanged;
import app.ghostresume.events.SeekerErased;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.events.SeekerSettingsChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person who collects attempts, their pauses and their response windows. Handle uniqueness is guarded by the
 * account table, not here.
 *
 * <p>Pauses: from ≤ to, at most {@value #MAX_PAUSE_DAYS} days (both ends included), starting no more than
 * {@value #MAX_DAYS_BACK} days before today (a pause is for a break being taken, not for rescuing a streak
 * already broken), never overlapping another pause that is not cancelled (409). A cancelled pause is gone: cancelling
 * it again, like cancelling an unknown one, is a 404. A pause may be cancelled at any time, even after it ended,
 * since that can only make its days count again.
 *
 * <p>Settings: the requested {@link ResponseWindows} laid over the defaults; a request that changes nothing
 * records nothing (like a correction of an attempt that changes nothing).
 *
 * <p>Profile: whether the seeker's ghost résumé is public (private at first); choosing what is already chosen
 * records nothing.
 *
 * <p>Every command handler answers with the aggregate's version after the command.
 */
@Aggregate
class SeekerAggregate {

    static final int MAX_PAUSE_DAYS = 366;
    static final int MAX_DAYS_BACK = 7;
    static final int MAX_REASON = 200;

    @AggregateIdentifier
    private UUID seekerId;
    /** Pauses not cancelled, by id. */
    private final Map<UUID, PauseScheduled> pauses = new HashMap<>();
    /** Every pause id ever used, so a late retry cannot schedule a cancelled pause again. */
    private final Set<UUID> pauseIds = new HashSet<>();
    private ResponseWindows windows = ResponseWindows.defaults();
    /** Whether the ghost résumé is public; private until the seeker says otherwise. */
    private boolean publicGhostResume;
    /** Whether the seeker erased their account (then their key is shredded: nothing they wrote can be read). */
    private boolean erased;

    SeekerAggregate() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(RegisterSeeker command) {
        apply(new SeekerRegistered(command.seekerId(), command.handle(), command.displayName(), command.timeZone()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(SchedulePause command) {
        LocalDate from = command.from();
        LocalDate to = command.to();
        LocalDate today = command.today();
        if (from == null || to == null) {
            throw RuleViolation.invalid(from == null ? "from" : "to", "must be given");
        }
        if (from.isBefore(today.minusDays(MAX_DAYS_BACK))) {
            throw RuleViolation.invalid("from", "may not be more than " + MAX_DAYS_BACK + " days before today ("
                    + today + "): a pause cannot be taken retroactively to rescue a broken streak");
        }
        PlausibleDates.problemWith(from, today).ifPresent(problem -> {
            throw RuleViolation.invalid("from", problem);
        });
        if (to.isBefore(from)) {
            throw RuleViolation.invalid("to", "may not be before from " + from);
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_PAUSE_DAYS) {
            throw RuleViolation.invalid("to", "a pause may last at most " + MAX_PAUSE_DAYS + " days");
        }
        if (command.reason() != null && command.reason().length() > MAX_REASON) {
            throw RuleViolation.invalid("reason", "may be at most " + MAX_REASON + " characters");
        }
        if (pauseIds.contains(command.pauseId())) {
            throw RuleViolation.of(ProblemType.CONCURRENT_CHANGE,
                    "This pause was already scheduled.");
        }
        for (PauseScheduled other : pauses.values()) {
            if (!to.isBefore(other.startsOn()) && !from.isAfter(other.endsOn())) {
                throw RuleViolation.of(ProblemType.PAUSE_OVERLAP, "The pause overlaps the pause "
                        + other.pauseId() + " from " + other.startsOn() + " to " + other.endsOn() + ".");
            }
        }
        apply(new PauseScheduled(command.pauseId(), seekerId, from, to, command.reason()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CancelPause command) {
        if (!pauses.containsKey(command.pauseId())) {
            throw RuleViolation.notFound(Subject.PAUSE);
        }
        apply(new PauseCancelled(command.pauseId(), seekerId));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ChangeSettings command) {
        ResponseWindows requested = ResponseWindows.defaults().overriddenBy(command.ghostingDays(),
                command.followUpDays());
        requested.problem().ifPresent(problem -> {
            throw RuleViolation.invalid(problem.field(), problem.message());
        });
        if (!requested.equals(windows)) {
            apply(new SeekerSettingsChanged(seekerId, requested.ghostingDays(), requested.followUpDays()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ChangeProfile command) {
        if (command.publicGhostResume() != publicGhostResume) {
            apply(new ProfileChanged(seekerId, command.publicGhostResume()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(EraseSeeker command) {
        if (!erased) {
            apply(new SeekerErased(seekerId, command.today()));
        }
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(SeekerErased event) {
        erased = true;
    }

    @EventSourcingHandler
    void on(SeekerRegistered event) {
        seekerId = event.seekerId();
    }

    @EventSourcingHandler
    void on(PauseScheduled event) {
        pauses.put(event.pauseId(), event);
        pauseIds.add(event.pauseId());
    }

    @EventSourcingHandler
    void on(PauseCancelled event) {
        pauses.remove(event.pauseId());
    }

    @EventSourcingHandler
    void on(ProfileChanged event) {
        publicGhostResume = event.publicGhostResume();
    }

    @EventSourcingHandler
    void on(SeekerSettingsChanged event) {
        windows = ResponseWindows.defaults().overriddenBy(event.ghostingDays(), event.followUpDays());
    }

    record RegisterSeeker(UUID seekerId, String handle, String displayName, ZoneId timeZone) {
    }
}
