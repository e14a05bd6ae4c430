package app.ghostresume.command.platform.personaldata;

import app.ghostresume.personal.SeekerKeys;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rotates every seeker's key (operators only, as all of {@code /api/operator/**}): each keyset gains a new primary
 * key that seals from now on (within {@link KeySettings#rememberFor()} on every instance) while the older keys still
 * open what they sealed, and each is stored again under the master keyset's current primary key, which is how a new
 * master key is rolled in. Shredded keys stay shredded.
 */
@RestController
class KeyRotationController {

    private final SeekerKeys keys;

    KeyRotationController(SeekerKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/api/operator/keys/rotation")
    Rotated rotate() {
        return new Rotated(keys.rotate());
    }

    record Rotated(int rotatedKeys) {
    }
}
