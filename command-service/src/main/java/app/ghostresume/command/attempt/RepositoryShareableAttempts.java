package app.ghostresume.command.attempt;

import app.ghostresume.command.platform.RuleViolation;
import app.ghostresume.command.platform.Subject;
import java.util.UUID;

import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@link ShareableAttempts} through the attempts' Axon repository. The repository is looked up when first used:
 * Axon's configuration is built after the beans holding command handlers, this one among their collaborators.
 */
@Component
class RepositoryShareableAttempts implements ShareableAttempts {

    private final ObjectProvider<Configuration> axon;

    RepositoryShareableAttempts(ObjectProvider<Configuration> axon) {
        this.axon = axon;
    }

    @Override
    public ShareableAttempt shareable(UUID attemptId, UUID seekerId) {
        Repository<AttemptAggregate> attempts = axon.getObject().repository(AttemptAggregate.class);
        try {
            return attempts.load(attemptId.toString()).invoke(attempt -> attempt.shareable(seekerId));
        }
        catch (AggregateNotFoundException ex) {
            throw RuleViolation.notFound(Subject.ATTEMPT);
        }
    }
}
