package app.ghostresume.query.share;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.events.ShareAudience;
import app.ghostresume.events.SupportKind;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON shapes of the feeds and of one share. Dates are shown rounded to their ISO week (the Monday); the author
 * only by handle and display name, and not at all when anonymous. {@code attemptId} and {@code hidden} appear only
 * in the author's own list ({@code hidden} also on their own share's page), {@code messages} only on a share's page.
 */
final class ShareView {

    private ShareView() {
    }

    /**
     * @param challengeId  the challenge whose members see it, for a CHALLENGE share
     * @param support      how many gave each kind of support
     * @param supportedByMe the kinds the reader gave
     * @param mine         whether the reader is its author
     * @param ghostResume  for an acceptance, the author's rejections and ghostings behind it; on an anonymous
     *                     share, unless the reader is its author, without the week they began
     */
    record Item(UUID shareId, AttemptStatus outcome, Category category, String stageReached, Integer sting,
            LocalDate decidedWeek, LocalDate sharedWeek, String story, boolean anonymous, Author author,
            ShareAudience audience, UUID challengeId, Map<SupportKind, Long> support, List<SupportKind> supportedByMe,
            boolean mine, GhostResume ghostResume,
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID attemptId,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean hidden,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Message> messages) {
    }

    record Author(String handle, String displayName) {
    }

    /**
     * The author's rejections and ghostings in the share's category since their previous acceptance in it, up to
     * this one, {@code since} being the week of the earliest of them; shown on a share with its author, and on an
     * anonymous one to its author alone.
     */
    record GhostResume(long rejections, long ghostings, LocalDate since) {
    }

    /** A supporter's message, without the supporter. */
    record Message(SupportKind kind, String message) {
    }
}
