package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** An attempt has waited its follow-up window without an answer: time to nudge. Open until followed up or answered. */
public record FollowUpDue(UUID attemptId, UUID seekerId, LocalDate dueOn) implements AttemptEvent {

    /** {@code dueOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(dueOn);
    }
}
