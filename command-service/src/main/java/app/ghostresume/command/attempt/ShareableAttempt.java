package app.ghostresume.command.attempt;

import java.time.LocalDate;
import java.util.UUID;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;

/**
 * What a share of an attempt may show: its outcome and when it came, its category, the stage it reached (the
 * rejection's own {@code stageReached}, else the stage of its latest progress) and the rejection's sting. Never its
 * target, title or notes.
 */
public record ShareableAttempt(UUID attemptId, AttemptStatus outcome, Category category, String stageReached,
        Integer sting, LocalDate decidedOn) {
}
