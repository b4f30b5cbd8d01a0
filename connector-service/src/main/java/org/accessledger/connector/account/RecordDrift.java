package org.accessledger.connector.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a reconciliation's finding on the worker's account in the target. */
public record RecordDrift(@TargetAggregateIdentifier String accountId, DriftFound finding) {

    public RecordDrift(DriftFound finding) {
        this(TargetAccounts.idOf(finding.target(), finding.workerId().value()), finding);
    }
}
