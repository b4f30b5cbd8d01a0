package org.accessledger.connector.provisioning;

import org.accessledger.api.worker.WorkerId;
import org.accessledger.connector.account.DesiredAccess;
import org.accessledger.connector.account.DesiredAccessStore;
import org.accessledger.connector.account.Operation;
import org.accessledger.connector.safeguard.Safeguard;
import org.accessledger.connector.spi.AccountState;
import org.accessledger.connector.spi.DisableAccountOp;
import org.accessledger.connector.spi.ReadAccountOp;
import org.accessledger.connector.spi.RemoveEntitlementOp;
import org.accessledger.connector.targets.Target;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Releasing a tripped safeguard: what is sent is not the operations that were held but the net change between the
 * desired state and what the target holds now, so a termination HR reverted in the meantime sends nothing.
 */
public class HeldDeprovisioning {

    static final String CAUSE = "safeguard-release";

    /** The target holds nothing to release. */
    static final class NothingHeld extends RuntimeException {
        NothingHeld(String target) {
            super("The safeguard of " + target + " is not tripped and holds nothing");
        }
    }

    private final Safeguard safeguard;
    private final DesiredAccessStore desired;
    private final TargetOperations operations;

    HeldDeprovisioning(Safeguard safeguard, DesiredAccessStore desired, TargetOperations operations) {
        this.safeguard = safeguard;
        this.desired = desired;
        this.operations = operations;
    }

    TargetsController.Released release(Target target, String releasedBy, String reason) {
        Safeguard.State state = safeguard.state(target.name());
        if (!Safeguard.TRIPPED.equals(state.state()) && state.held() == 0) {
            throw new NothingHeld(target.name());
        }
        List<String> workers = safeguard.heldWorkers(target.name());
        safeguard.release(target.name(), releasedBy, reason);
        int sent = 0;
        for (String worker : workers) {
            sent += sendNetChange(target, worker);
            safeguard.forget(target.name(), worker);
        }
        return new TargetsController.Released(target.name(), workers.size(), sent);
    }

    private int sendNetChange(Target target, String workerId) {
        if (!(target.connector() instanceof ReadAccountOp read) || !WorkerId.isValid(workerId)) {
            return 0;
        }
        Optional<AccountState> actual = read.readAccount(workerId);
        if (actual.isEmpty()) {
            return 0;
        }
        WorkerId worker = WorkerId.of(workerId);
        DesiredAccess wanted = desired.of(workerId).orElse(null);
        ProvisioningOperations run = operations.of(target);
        int sent = 0;
        if (wanted != null && !wanted.active() && !actual.get().disabled() && target.connector() instanceof DisableAccountOp disable) {
            run.run(Operation.DISABLE_ACCOUNT, worker, null, CAUSE, () -> disable.disableAccount(workerId));
            sent++;
            if (target.disablingRemovesEntitlements()) {
                return sent;
            }
        }
        Set<String> keep = wanted == null || !wanted.active() ? Set.of() : wanted.in(target).keySet();
        if (target.connector() instanceof RemoveEntitlementOp remove) {
            for (String entitlement : actual.get().entitlements()) {
                if (target.settings().carries(entitlement) && !keep.contains(entitlement)) {
                    run.run(Operation.REMOVE_ENTITLEMENT, worker, entitlement, CAUSE, () -> remove.removeEntitlement(workerId, entitlement));
                    sent++;
                }
            }
        }
        return sent;
    }
}
