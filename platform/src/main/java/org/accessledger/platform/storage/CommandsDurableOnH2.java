package org.accessledger.platform.storage;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A command sent from outside any unit of work (an HTTP request, a scheduler) returns only once its effects are in
 * the embedded H2 event store's file, so an HR event answered ACCEPTED survives a killed process. A sender of a batch
 * forces one write for all its commands instead ({@link BatchDurability}).
 * <p>
 * Everything else (the event processors' tokens and the commands they send) is written by H2's background writer,
 * several commits to a chunk: after a kill those processors handle their last events again, with their tokens, the
 * events their commands appended and their read-model writes guarded by sequence numbers. Writing every commit at once
 * ({@code WRITE_DELAY=0}) made each commit a chunk of its own, and the file grew to thirty times its data.
 * The store is reached through H2's engine classes: H2 offers no SQL that writes the pending changes without also
 * compacting the file.
 */
public final class CommandsDurableOnH2 implements MessageHandlerInterceptor<CommandMessage<?>>, BatchDurability {

    private final MVStore store;

    CommandsDurableOnH2(MVStore store) {
        this.store = store;
    }

    public static CommandsDurableOnH2 on(DataSource h2File) throws SQLException {
        try (Connection connection = h2File.getConnection()) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            return new CommandsDurableOnH2(session.getDatabase().getStore().getMvStore());
        }
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.parent().isEmpty() && !unitOfWork.getMessage().getMetaData().containsKey(SENDER_FORCES)) {
            unitOfWork.afterCommit(committed -> forceWrites());
        }
        return chain.proceed();
    }

    @Override
    public void forceWrites() {
        store.commit();
    }
}
