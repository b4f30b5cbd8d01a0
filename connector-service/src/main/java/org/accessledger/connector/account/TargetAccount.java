package org.accessledger.connector.account;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateCreationPolicy.CREATE_IF_MISSING;

/**
 * What one target really did for one worker: every outcome of every operation, success or failure, and what
 * reconciliations found there and what became of their repairs.
 */
@Aggregate
public class TargetAccount {

    @AggregateIdentifier
    private String accountId;

    protected TargetAccount() {
    }

    @CommandHandler
    @CreationPolicy(CREATE_IF_MISSING)
    public void handle(RecordOutcome command) {
        AggregateLifecycle.apply(command.succeeded()
                ? new ProvisioningSucceeded(command.workerId(), command.target(), command.operation(), command.entitlement(),
                command.attempts(), command.causeEventId(), command.at(), command.answer())
                : new ProvisioningFailed(command.workerId(), command.target(), command.operation(), command.entitlement(),
                command.attempts(), command.error(), command.code(), command.causeEventId(), command.at()));
    }

    @CommandHandler
    @CreationPolicy(CREATE_IF_MISSING)
    public void handle(RecordDrift command) {
        AggregateLifecycle.apply(command.finding());
    }

    @CommandHandler
    @CreationPolicy(CREATE_IF_MISSING)
    public void handle(RecordRepair command) {
        AggregateLifecycle.apply(command.repair());
    }

    @EventSourcingHandler
    void on(DriftFound event) {
        accountId = TargetAccounts.idOf(event.target(), event.workerId().value());
    }

    @EventSourcingHandler
    void on(DriftRepaired event) {
        accountId = TargetAccounts.idOf(event.target(), event.workerId().value());
    }

    @EventSourcingHandler
    void on(ProvisioningSucceeded event) {
        accountId = TargetAccounts.idOf(event.target(), event.workerId().value());
    }

    @EventSourcingHandler
    void on(ProvisioningFailed event) {
        accountId = TargetAccounts.idOf(event.target(), event.workerId().value());
    }
}
