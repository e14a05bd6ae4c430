package app.ghostresume.command.challenge;

import java.time.LocalDate;
import java.util.UUID;

import app.ghostresume.command.platform.Addressed;
import app.ghostresume.command.platform.Subject;
import app.ghostresume.events.ChallengeGoal;
import app.ghostresume.events.ChallengeVisibility;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands a challenge accepts. Each carries the acting seeker (the creator, a joiner, a member leaving) and
 * {@code today} in that seeker's time zone.
 */
final class ChallengeCommands {

    private ChallengeCommands() {
    }

    /** A command about a challenge: not finding it is a missing {@link Subject#CHALLENGE}. */
    interface ChallengeCommand extends Addressed {

        @Override
        default Subject subject() {
            return Subject.CHALLENGE;
        }
    }

    /** @param inviteCode made by the caller for an INVITE challenge, ignored for a PUBLIC one */
    record CreateChallenge(UUID challengeId, UUID seekerId, LocalDate today, String name, String description,
            LocalDate startsOn, LocalDate endsOn, ChallengeGoal goal, ChallengeVisibility visibility,
            String inviteCode) implements ChallengeCommand {
    }

    record JoinChallenge(@TargetAggregateIdentifier UUID challengeId, UUID seekerId, LocalDate today,
            String inviteCode) implements ChallengeCommand {
    }

    record LeaveChallenge(@TargetAggregateIdentifier UUID challengeId, UUID seekerId, LocalDate today) implements ChallengeCommand {
    }
}
