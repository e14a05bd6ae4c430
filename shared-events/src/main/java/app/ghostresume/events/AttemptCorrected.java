package app.ghostresume.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The seeker fixed details of a logged attempt. Only the changed fields are set; a {@code null} field is
 * unchanged.
 */
public record AttemptCorrected(UUID attemptId, UUID seekerId, Category category, String target, String title,
        String notes, LocalDate sentOn, LocalDate expectedResponseBy) implements AttemptEvent {
}
