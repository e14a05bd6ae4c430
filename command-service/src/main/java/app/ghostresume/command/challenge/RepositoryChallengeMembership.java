package app.ghostresume.command.challenge;

import java.util.UUID;

import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@link ChallengeMembership} through the challenges' Axon repository (so its snapshots serve here too). The
 * repository is looked up when first used: Axon's configuration is built after the beans holding command handlers.
 */
@Component
class RepositoryChallengeMembership implements ChallengeMembership {

    private final ObjectProvider<Configuration> axon;

    RepositoryChallengeMembership(ObjectProvider<Configuration> axon) {
        this.axon = axon;
    }

    @Override
    public Standing standing(UUID challengeId, UUID seekerId) {
        Repository<ChallengeAggregate> challenges = axon.getObject().repository(ChallengeAggregate.class);
        try {
            return challenges.load(challengeId.toString()).invoke(challenge -> challenge.standingOf(seekerId));
        }
        catch (AggregateNotFoundException | IncompatibleAggregateException ex) {
            return Standing.UNKNOWN;
        }
    }
}
