package org.accessledger.connector.reconciliation;

import org.accessledger.connector.account.DriftKind;
import org.accessledger.connector.reconciliation.ReconciliationEvents.OrphanAccountFound;
import org.accessledger.connector.reconciliation.ReconciliationEvents.ReconciliationCompleted;
import org.accessledger.connector.reconciliation.ReconciliationEvents.ReconciliationFailed;
import org.accessledger.connector.reconciliation.ReconciliationEvents.ReconciliationStarted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Map;

/** One reconciliation run of one target, as audited history. Findings about workers go on their TargetAccounts. */
@Aggregate
public class Reconciliation {

    public record Start(@TargetAggregateIdentifier String reconciliationId, String target, String requestedBy, Instant at) {
    }

    public record RecordOrphan(@TargetAggregateIdentifier String reconciliationId, OrphanAccountFound orphan) {
    }

    public record RecordDuplicateGroup(@TargetAggregateIdentifier String reconciliationId, ReconciliationEvents.DuplicateGroupFound duplicate) {
    }

    public record Complete(@TargetAggregateIdentifier String reconciliationId, long accountsRead, Map<DriftKind, Long> findings, Instant at) {
    }

    public record Fail(@TargetAggregateIdentifier String reconciliationId, String cause, Instant at) {
    }

    @AggregateIdentifier
    private String reconciliationId;
    private String target;
    private boolean ended;

    protected Reconciliation() {
    }

    @CommandHandler
    public Reconciliation(Start command) {
        AggregateLifecycle.apply(new ReconciliationStarted(command.reconciliationId(), command.target(), command.requestedBy(), command.at()));
    }

    @CommandHandler
    void handle(RecordOrphan command) {
        AggregateLifecycle.apply(command.orphan());
    }

    @CommandHandler
    void handle(RecordDuplicateGroup command) {
        AggregateLifecycle.apply(command.duplicate());
    }

    @CommandHandler
    void handle(Complete command) {
        if (!ended) {
            AggregateLifecycle.apply(new ReconciliationCompleted(reconciliationId, target, command.accountsRead(), command.findings(), command.at()));
        }
    }

    @CommandHandler
    void handle(Fail command) {
        if (!ended) {
            AggregateLifecycle.apply(new ReconciliationFailed(reconciliationId, target, command.cause(), command.at()));
        }
    }

    @EventSourcingHandler
    void on(ReconciliationStarted event) {
        reconciliationId = event.reconciliationId();
        target = event.target();
    }

    @EventSourcingHandler
    void on(ReconciliationCompleted event) {
        ended = true;
    }

    @EventSourcingHandler
    void on(ReconciliationFailed event) {
        ended = true;
    }
}
