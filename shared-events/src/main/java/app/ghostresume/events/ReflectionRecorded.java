package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A private journal entry about an attempt: what happened, what it taught, what to do differently, and whether
 * the no felt personal. An attempt may collect several. Nobody but its author ever reads it.
 */
public record ReflectionRecorded(UUID attemptId, UUID seekerId, UUID reflectionId, @PersonalData String whatHappened,
        @PersonalData String whatILearned, @PersonalData String nextTime, Personal wasItPersonal,
        LocalDate recordedOn) implements AttemptEvent {

    /** {@code recordedOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(recordedOn);
    }
}
