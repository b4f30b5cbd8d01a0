package org.accessledger.connector.provisioning;

import org.accessledger.api.MetaDataKeys;
import org.accessledger.api.access.AccessEvent;
import org.accessledger.api.access.AccessGranted;
import org.accessledger.api.access.AccessRestored;
import org.accessledger.api.access.AccessRevoked;
import org.accessledger.api.access.AccessSuspended;
import org.accessledger.api.worker.*;
import org.accessledger.connector.account.DriftFound;
import org.accessledger.connector.account.Operation;
import org.accessledger.connector.safeguard.Safeguard;
import org.accessledger.connector.spi.AccountSpec;
import org.accessledger.connector.spi.AddEntitlementOp;
import org.accessledger.connector.spi.Connector;
import org.accessledger.connector.spi.ConnectorException;
import org.accessledger.connector.spi.CreateAccountOp;
import org.accessledger.connector.spi.DeleteAccountOp;
import org.accessledger.connector.spi.DisableAccountOp;
import org.accessledger.connector.spi.RemoveEntitlementOp;
import org.accessledger.connector.spi.UpdateAccountOp;
import org.accessledger.connector.targets.Target;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

import java.time.Instant;

/**
 * Carries access decisions into one target. Each target has its own processing group, so a slow or stopped target
 * delays only itself; each worker's events stay in order; a replay never runs these side effects again. Disables
 * and removals pass the target's mass-change safeguard first; reconciliation findings are repaired in the worker's turn.
 */
@DisallowReplay
public class TargetProvisioner {

    private final Target target;
    private final Connector connector;
    private final WorkerDirectory directory;
    private final ProvisioningOperations operations;
    private final Safeguard safeguard;
    private final DriftRepairs repairs;

    TargetProvisioner(Target target, WorkerDirectory directory, ProvisioningOperations operations, Safeguard safeguard, DriftRepairs repairs) {
        this.target = target;
        this.connector = target.connector();
        this.directory = directory;
        this.operations = operations;
        this.safeguard = safeguard;
        this.repairs = repairs;
    }

    @EventHandler
    void on(WorkerHired event) {
        directory.record(event.workerId(), event.person(), event.assignment());
    }

    @EventHandler
    void on(WorkerRehired event) {
        directory.record(event.workerId(), event.person(), event.assignment());
    }

    @EventHandler
    void on(AssignmentChanged event, EventMessage<?> message) {
        directory.reassign(event.workerId(), event.assignment());
        if (connector instanceof UpdateAccountOp update) {
            AccountSpec account = directory.accountOf(event.workerId());
            operations.run(Operation.UPDATE_ACCOUNT, event.workerId(), null, message.getIdentifier(), () -> update.updateAccount(account));
            awaitManagerIfAbsent(account);
        }
    }

    @EventHandler
    void on(AccessGranted event, EventMessage<?> message) {
        grant(event, message);
    }

    @EventHandler
    void on(AccessRestored event, EventMessage<?> message) {
        grant(event, message);
    }

    @EventHandler
    void on(AccessRevoked event, EventMessage<?> message) {
        revoke(event, message);
    }

    @EventHandler
    void on(AccessSuspended event, EventMessage<?> message) {
        revoke(event, message);
    }

    @EventHandler
    void on(WorkerTerminated event, EventMessage<?> message) {
        disable(event, message);
    }

    @EventHandler
    void on(ContractExpired event, EventMessage<?> message) {
        disable(event, message);
    }

    @EventHandler
    void on(HireCancelled event, EventMessage<?> message) {
        disable(event, message);
    }

    /** The person's data was erased: the account, which holds it, goes too. */
    @EventHandler
    void on(PersonalDataErased event, EventMessage<?> message) {
        directory.recordAccountInPlace(event.workerId(), target.name(), false);
        if (connector instanceof DeleteAccountOp delete) {
            operations.run(Operation.DELETE_ACCOUNT, event.workerId(), null, message.getIdentifier(), () -> delete.deleteAccount(event.workerId().value()));
        }
    }

    /**
     * A retroactive change: the account follows the worker's state now (the entitlements follow the access profile's
     * net change). A back-dated termination disables; a corrected assignment updates the account.
     */
    @EventHandler
    void on(WorkerTimelineCorrected event, EventMessage<?> message) {
        if (!event.status().holdsIdentity()) {
            if (directory.accountInPlace(event.workerId(), target.name())) {
                disable(event, message);
            }
            return;
        }
        AccountSpec before = directory.accountOf(event.workerId());
        directory.reassign(event.workerId(), event.assignment());
        AccountSpec account = directory.accountOf(event.workerId());
        if (!account.equals(before) && connector instanceof UpdateAccountOp update && directory.accountInPlace(event.workerId(), target.name())) {
            operations.run(Operation.UPDATE_ACCOUNT, event.workerId(), null, message.getIdentifier(), () -> update.updateAccount(account));
            awaitManagerIfAbsent(account);
        }
    }

    @EventHandler
    void on(DriftFound finding, EventMessage<?> message) {
        if (finding.repair() && finding.target().equals(target.name())) {
            repairs.repair(finding, message.getIdentifier());
        }
    }

    private void grant(AccessEvent event, EventMessage<?> message) {
        String entitlement = event.entitlement().value();
        if (!target.settings().carries(entitlement)) {
            return;
        }
        if (connector instanceof CreateAccountOp create && !directory.accountInPlace(event.workerId(), target.name())) {
            AccountSpec account = directory.accountOf(event.workerId());
            operations.run(Operation.CREATE_ACCOUNT, event.workerId(), null, message.getIdentifier(), () -> create.createAccount(account));
            directory.recordAccountInPlace(event.workerId(), target.name(), true);
            awaitManagerIfAbsent(account);
            updateReportsAwaiting(event.workerId(), message);
        }
        if (connector instanceof AddEntitlementOp add) {
            operations.run(Operation.ADD_ENTITLEMENT, event.workerId(), entitlement, message.getIdentifier(),
                    () -> add.addEntitlement(event.workerId().value(), entitlement));
        }
        operations.provisioned(startOf(event.effectiveAt(), message));
    }

    private void revoke(AccessEvent event, EventMessage<?> message) {
        String entitlement = event.entitlement().value();
        if (target.settings().carries(entitlement) && connector instanceof RemoveEntitlementOp remove && !goneWithTheAccount(event.workerId())
                && safeguard.admit(target, event.workerId().value())) {
            operations.run(Operation.REMOVE_ENTITLEMENT, event.workerId(), entitlement, message.getIdentifier(),
                    () -> remove.removeEntitlement(event.workerId().value(), entitlement));
            operations.revoked(startOf(event.effectiveAt(), message));
        }
    }

    /**
     * A leaver's revocations follow the disable, which in some targets took every entitlement already. Asking such a
     * target again is not free: removing an absent member from an LDAP group costs slapd as much as removing a present one.
     */
    private boolean goneWithTheAccount(WorkerId workerId) {
        return target.disablingRemovesEntitlements() && !directory.accountInPlace(workerId, target.name());
    }

    private void disable(WorkerEvent event, EventMessage<?> message) {
        if (connector instanceof DisableAccountOp disable) {
            directory.recordAccountInPlace(event.workerId(), target.name(), false);
            if (!safeguard.admit(target, event.workerId().value())) {
                return; // held: the release sends what is still due then
            }
            operations.run(Operation.DISABLE_ACCOUNT, event.workerId(), null, message.getIdentifier(),
                    () -> disable.disableAccount(event.workerId().value()));
            operations.revoked(startOf(event.effectiveAt(), message));
        }
    }

    /**
     * A target that references the manager by its own id leaves the reference out while the manager has no account
     * there; the report is remembered, to be updated once the manager's account is created.
     */
    private void awaitManagerIfAbsent(AccountSpec account) {
        if (referencesManagerAccount() && account.managerId() != null
                && !directory.accountInPlace(WorkerId.of(account.managerId()), target.name())) {
            directory.awaitManager(target.name(), account.managerId(), account.workerId());
        }
    }

    private void updateReportsAwaiting(WorkerId manager, EventMessage<?> message) {
        if (!referencesManagerAccount() || !(connector instanceof UpdateAccountOp update)) {
            return;
        }
        for (String report : directory.reportsAwaiting(target.name(), manager.value())) {
            WorkerId reportId = WorkerId.of(report);
            if (directory.accountInPlace(reportId, target.name())) {
                try {
                    operations.run(Operation.UPDATE_ACCOUNT, reportId, null, message.getIdentifier(), () -> update.updateAccount(directory.accountOf(reportId)));
                } catch (ConnectorException e) {
                    // Recorded on the report's account; the manager's changes go on, and the report waits for the manager's next account creation.
                    directory.awaitManager(target.name(), manager.value(), report);
                }
            }
        }
    }

    private boolean referencesManagerAccount() {
        return target.settings().managerReference() && connector instanceof CreateAccountOp create && create.referencesManagerAccount();
    }

    /** The later of the HR event's acceptance and the effective instant: nothing can happen before both. */
    private static Instant startOf(Instant effectiveAt, EventMessage<?> message) {
        Object accepted = message.getMetaData().get(MetaDataKeys.HR_ACCEPTED_AT);
        Instant acceptedAt = accepted == null ? message.getTimestamp() : Instant.parse(accepted.toString());
        return acceptedAt.isAfter(effectiveAt) ? acceptedAt : effectiveAt;
    }
}
