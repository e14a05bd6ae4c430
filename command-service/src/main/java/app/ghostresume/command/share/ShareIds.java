package app.ghostresume.command.share;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Each sharing of an attempt is a share of its own, whose id derives from the attempt's and the sharing's number
 * (0 for the first, 1 after one withdrawal...): two concurrent first shares of one attempt meet on one aggregate,
 * and a share made again after a withdrawal (anonymous this time, or for another audience) has a new id that
 * links it to nothing shown before. Attempt ids are random and known only to their owner, so the ids link
 * nothing for anyone else. Part of the API's behaviour: changing it would orphan every existing share.
 */
final class ShareIds {

    private ShareIds() {
    }

    static UUID of(UUID attemptId, int sharing) {
        return UUID.nameUUIDFromBytes(("share:" + attemptId + ":" + sharing).getBytes(StandardCharsets.UTF_8));
    }
}
