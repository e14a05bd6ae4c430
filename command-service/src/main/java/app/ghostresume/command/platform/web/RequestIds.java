package app.ghostresume.command.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.command.platform.Subject;

/** The ids requests carry or create. */
public final class RequestIds {

    private RequestIds() {
    }

    /**
     * The id for something a request creates: random, or, with an {@code Idempotency-Key}, derived from the
     * seeker, the kind and the key. A retry then names the same id even after its idempotency record has
     * expired, so it meets the existing aggregate (409) instead of creating a second one. The derivation is
     * part of the API's behaviour: changing it would let late retries of earlier requests through.
     */
    public static UUID forNew(UUID seekerId, String kind, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID();
        }
        return UUID.nameUUIDFromBytes((seekerId + "/" + kind + "/" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The id in a path. Anything that is not a UUID names nothing, so it is answered like an unknown id (404),
     * not with a 400 that would tell ids apart.
     */
    public static UUID inPath(String path, Subject subject) {
        try {
            return UUID.fromString(path);
        }
        catch (IllegalArgumentException ex) {
            throw RuleViolation.notFound(subject);
        }
    }
}
