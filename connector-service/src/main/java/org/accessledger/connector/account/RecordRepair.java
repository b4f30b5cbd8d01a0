package org.accessledger.connector.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record what became of a finding's repair. */
public record RecordRepair(@TargetAggregateIdentifier String accountId, DriftRepaired repair) {

    public RecordRepair(DriftRepaired repair) {
        this(TargetAccounts.idOf(repair.target(), repair.workerId().value()), repair);
    }
}
