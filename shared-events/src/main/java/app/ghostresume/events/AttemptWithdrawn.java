package app.ghostresume.events;

import java.time.LocalDate;
import java.util.UUID;

/** The seeker pulled out before an answer. */
public record AttemptWithdrawn(UUID attemptId, UUID seekerId, LocalDate on, String reason)
        implements AttemptEvent {
}
