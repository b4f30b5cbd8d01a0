package org.accessledger.connector.provisioning;

import org.accessledger.api.worker.WorkerId;
import org.accessledger.connector.account.DesiredAccess;
import org.accessledger.connector.account.DesiredAccessStore;
import org.accessledger.connector.account.DriftFound;
import org.accessledger.connector.account.DriftRepaired;
import org.accessledger.connector.account.DriftRepaired.Outcome;
import org.accessledger.connector.account.Operation;
import org.accessledger.connector.account.RecordRepair;
import org.accessledger.connector.safeguard.Safeguard;
import org.accessledger.connector.spi.AddEntitlementOp;
import org.accessledger.connector.spi.ConnectorException;
import org.accessledger.connector.spi.CreateAccountOp;
import org.accessledger.connector.spi.DisableAccountOp;
import org.accessledger.connector.spi.RemoveEntitlementOp;
import org.accessledger.connector.spi.UpdateAccountOp;
import org.accessledger.connector.targets.Target;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Repairs a reconciliation's finding as ordinary provisioning operations, in the worker's turn: checked against the
 * desired state as it is by then (a change decided since the finding may have made the repair unneeded), and a repair
 * that takes access away passes the mass-change safeguard.
 */
final class DriftRepairs {

    private final Target target;
    private final WorkerDirectory directory;
    private final DesiredAccessStore desired;
    private final ProvisioningOperations operations;
    private final Safeguard safeguard;
    private final Supplier<CommandGateway> commands;
    private final Clock clock;

    DriftRepairs(Target target, WorkerDirectory directory, DesiredAccessStore desired, ProvisioningOperations operations, Safeguard safeguard,
                 Supplier<CommandGateway> commands, Clock clock) {
        this.target = target;
        this.directory = directory;
        this.desired = desired;
        this.operations = operations;
        this.safeguard = safeguard;
        this.commands = commands;
        this.clock = clock;
    }

    void repair(DriftFound finding, String causeEventId) {
        Outcome outcome;
        try {
            outcome = carryOut(finding, causeEventId);
        } catch (ConnectorException e) {
            record(finding, Outcome.FAILED);
            throw e;
        }
        record(finding, outcome);
    }

    private Outcome carryOut(DriftFound finding, String cause) {
        WorkerId worker = finding.workerId();
        DesiredAccess wanted = desired.of(worker.value()).orElse(null);
        boolean active = wanted != null && wanted.active();
        var connector = target.connector();
        return switch (finding.kind()) {
            case MISSING_ACCOUNT -> {
                if (!active || wanted.in(target).isEmpty() || !(connector instanceof CreateAccountOp create)) {
                    yield Outcome.UNNEEDED;
                }
                operations.run(Operation.CREATE_ACCOUNT, worker, null, cause, () -> create.createAccount(directory.accountOf(worker)));
                directory.recordAccountInPlace(worker, target.name(), true);
                if (connector instanceof AddEntitlementOp add) {
                    for (String entitlement : wanted.in(target).keySet()) {
                        operations.run(Operation.ADD_ENTITLEMENT, worker, entitlement, cause, () -> add.addEntitlement(worker.value(), entitlement));
                    }
                }
                yield Outcome.REPAIRED;
            }
            case MISSING_ENTITLEMENT -> {
                if (!active || !wanted.in(target).containsKey(finding.subject()) || !(connector instanceof AddEntitlementOp add)) {
                    yield Outcome.UNNEEDED;
                }
                operations.run(Operation.ADD_ENTITLEMENT, worker, finding.subject(), cause, () -> add.addEntitlement(worker.value(), finding.subject()));
                yield Outcome.REPAIRED;
            }
            case EXTRA_ENTITLEMENT -> {
                if ((wanted != null && wanted.in(target).containsKey(finding.subject())) || !(connector instanceof RemoveEntitlementOp remove)) {
                    yield Outcome.UNNEEDED;
                }
                if (!safeguard.admit(target, worker.value())) {
                    yield Outcome.HELD;
                }
                operations.run(Operation.REMOVE_ENTITLEMENT, worker, finding.subject(), cause, () -> remove.removeEntitlement(worker.value(), finding.subject()));
                yield Outcome.REPAIRED;
            }
            case ACCOUNT_NOT_DISABLED -> {
                if (wanted == null || active || !(connector instanceof DisableAccountOp disable)) {
                    yield Outcome.UNNEEDED;
                }
                if (!safeguard.admit(target, worker.value())) {
                    yield Outcome.HELD;
                }
                directory.recordAccountInPlace(worker, target.name(), false);
                operations.run(Operation.DISABLE_ACCOUNT, worker, null, cause, () -> disable.disableAccount(worker.value()));
                yield Outcome.REPAIRED;
            }
            case ATTRIBUTE_DRIFT -> {
                if (!active || !(connector instanceof UpdateAccountOp update)) {
                    yield Outcome.UNNEEDED;
                }
                operations.run(Operation.UPDATE_ACCOUNT, worker, null, cause, () -> update.updateAccount(directory.accountOf(worker)));
                yield Outcome.REPAIRED;
            }
            // no worker's: the reconciliation itself deals with them
            case ORPHAN_ACCOUNT, DUPLICATE_GROUP -> Outcome.UNNEEDED;
        };
    }

    private void record(DriftFound finding, Outcome outcome) {
        commands.get().sendAndWait(new RecordRepair(new DriftRepaired(finding.findingId(), finding.reconciliationId(), finding.workerId(),
                target.name(), outcome, clock.instant())));
    }
}
