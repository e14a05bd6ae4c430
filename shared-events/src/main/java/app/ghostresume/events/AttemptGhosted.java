package app.ghostresume.events;

import java.time.LocalDate;
import java.util.UUID;

/** No answer, and the seeker stopped expecting one. A late reply may still follow. */
public record AttemptGhosted(UUID attemptId, UUID seekerId, LocalDate declaredOn) implements AttemptEvent {
}
