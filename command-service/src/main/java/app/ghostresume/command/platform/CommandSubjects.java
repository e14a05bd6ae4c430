package app.ghostresume.command.platform;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Turns an aggregate that is not there into the missing {@link Subject} its command names: the subject of a 404
 * travels with the command, so no one guesses it from the request's path.
 */
@Configuration(proxyBeanMethods = false)
class CommandSubjects implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Autowired
    void interceptCommandsOf(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        }
        catch (AggregateNotFoundException | IncompatibleAggregateException ex) {
            throw RuleViolation.notFound(subjectOf(unitOfWork.getMessage().getPayload()));
        }
    }

    static Subject subjectOf(Object command) {
        if (command instanceof Addressed addressed) {
            return addressed.subject();
        }
        throw new IllegalStateException(command.getClass().getName() + " names no subject (Addressed)");
    }
}
