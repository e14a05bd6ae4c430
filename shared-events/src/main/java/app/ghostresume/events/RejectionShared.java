package app.ghostresume.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A seeker shared how an attempt ended: a rejection, a ghosting, or an acceptance shown with the rejections
 * behind it. The share carries only what its readers may see (category, stage reached, sting, the outcome's
 * date, to be shown rounded to the week) and the seeker's own {@code story}; never the target, title or notes.
 * Sharing again after a withdrawal repeats this event on the same share.
 *
 * @param challengeId the challenge whose members see it when {@code audience} is CHALLENGE, else {@code null}
 */
public record RejectionShared(UUID shareId, UUID seekerId, UUID attemptId, AttemptStatus outcome,
        Category category, @PersonalData String stageReached, Integer sting, LocalDate decidedOn, LocalDate sharedOn,
        @PersonalData String story, boolean anonymous, ShareAudience audience, UUID challengeId) implements ShareEvent {

    /** {@code sharedOn}. */
    @Override
    public Optional<LocalDate> ownDate() {
        return Optional.ofNullable(sharedOn);
    }
}
