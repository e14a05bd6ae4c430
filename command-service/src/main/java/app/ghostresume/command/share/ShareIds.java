package app.ghostresume.command.share;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An attempt has at most one share, whose id derives from the attempt's: sharing it again after a withdrawal
 * brings back the same share, and two concurrent shares of one attempt meet on one aggregate. Attempt ids are
 * random and known only to their owner, so the share's id links nothing for anyone else. Part of the API's
 * behaviour: changing it would orphan every existing share.
 */
final class ShareIds {

    private ShareIds() {
    }

    static UUID of(UUID attemptId) {
        return UUID.nameUUIDFromBytes(("share:" + attemptId).getBytes(StandardCharsets.UTF_8));
    }
}
