package org.accessledger.identity.worker;

import org.accessledger.api.WorkerScoped;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.error.RuleViolationException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/** A command for a worker never hired is refused with {@link ErrorCode#WORKER_NOT_FOUND}, a code that crosses Axon Server. */
@Component
public class WorkerNotFoundInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (AggregateNotFoundException e) {
            if (unitOfWork.getMessage().getPayload() instanceof WorkerScoped command) {
                throw new RuleViolationException(ErrorCode.WORKER_NOT_FOUND, "workerId",
                        "No worker " + command.workerId() + " was ever hired");
            }
            throw e;
        }
    }
}
