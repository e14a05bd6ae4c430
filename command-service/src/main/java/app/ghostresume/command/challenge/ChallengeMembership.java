package app.ghostresume.command.challenge;

import java.util.UUID;

/**
 * Where a seeker stands towards a challenge, for another aggregate's command (a share to a challenge's members).
 * Must be called inside that command's unit of work: the challenge is loaded (and locked) through its repository,
 * and nothing is recorded on it.
 */
@FunctionalInterface
public interface ChallengeMembership {

    /** How a challenge looks to one seeker. */
    enum Standing {
        /** A current member. */
        MEMBER,
        /** Not a member of a PUBLIC challenge, whose existence is no secret. */
        OUTSIDER,
        /** No such challenge, or an INVITE one the seeker is not in: the two cannot be told apart. */
        UNKNOWN
    }

    Standing standing(UUID challengeId, UUID seekerId);

    default boolean isMember(UUID challengeId, UUID seekerId) {
        return challengeId != null && standing(challengeId, seekerId) == Standing.MEMBER;
    }
}
