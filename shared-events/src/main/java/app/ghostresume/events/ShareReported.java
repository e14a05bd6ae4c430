package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A seeker reported a share as inappropriate. Reports are seen by operators only. {@code counted} is whether the
 * report counts toward hiding the share: not when the reporter's account was too new to weigh. Added to version 1
 * as an additive field: an older payload without it reads as {@code null}, which counts.
 */
public record ShareReported(UUID shareId, UUID seekerId, @PersonalData String reason, Boolean counted,
        LocalDate reportedOn) implements ShareEvent {

    /** {@code reportedOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(reportedOn);
    }

    /** A report that counts. */
    public ShareReported(UUID shareId, UUID seekerId, String reason, LocalDate reportedOn) {
        this(shareId, seekerId, reason, true, reportedOn);
    }

    /** Whether it counts toward hiding the share (reports written before {@code counted} existed all do). */
    public boolean counts() {
        return counted == null || counted;
    }
}
