package org.accessledger.platform.storage;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * For a subscribing processor's handlers, which run while the command that published the event is being committed:
 * makes their read-model writes durable before that command's events are (see {@link ReadModelDurability}).
 */
public final class ReadModelsFirstInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private final ReadModelDurability readModels;

    public ReadModelsFirstInterceptor(ReadModelDurability readModels) {
        this.readModels = readModels;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        readModels.makeDurable();
        return result;
    }
}
