package app.ghostresume.query.challenge;

import java.util.UUID;

import app.ghostresume.query.platform.ApiProblem;

/** A challenge's id in a path, for its page and its report alike. */
public final class ChallengeIds {

    private ChallengeIds() {
    }

    /** Not a UUID, invite-only to a stranger, or unknown: all look the same from outside. */
    public static UUID parse(String challengeId) {
        try {
            return UUID.fromString(challengeId);
        }
        catch (IllegalArgumentException ex) {
            throw notFound(challengeId);
        }
    }

    public static ApiProblem notFound(String challengeId) {
        return ApiProblem.notFound("No challenge " + challengeId + ".");
    }
}
