package org.accessledger.connector.reconciliation;

import org.accessledger.api.worker.WorkerId;
import org.accessledger.connector.account.DesiredAccess;
import org.accessledger.connector.account.DesiredAccessStore;
import org.accessledger.connector.account.DriftFound;
import org.accessledger.connector.account.DriftKind;
import org.accessledger.connector.account.RecordDrift;
import org.accessledger.connector.provisioning.WorkerDirectory;
import org.accessledger.connector.reconciliation.ReconciliationEvents.OrphanAccountFound;
import org.accessledger.connector.safeguard.Safeguard;
import org.accessledger.connector.spi.AccountSpec;
import org.accessledger.connector.spi.AccountState;
import org.accessledger.connector.spi.DeleteAccountOp;
import org.accessledger.connector.spi.DisableAccountOp;
import org.accessledger.connector.spi.ListAccountsOp;
import org.accessledger.connector.targets.ReconciliationSettings;
import org.accessledger.connector.targets.Target;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run over one target: reads every account in pages, compares each batch with the desired state and the HR
 * details read for that batch at once, records each finding as an event, then reports the workers who should have
 * an account and were not seen. Held in memory: one batch, and the owners seen so far.
 */
final class ReconciliationPass {

    static final int BATCH = 500;

    private final Target target;
    private final String reconciliationId;
    private final ListAccountsOp lister;
    private final DriftComparison comparison;
    private final ReconciliationSettings settings;
    private final DesiredAccessStore desired;
    private final WorkerDirectory directory;
    private final Safeguard safeguard;
    private final CommandGateway commands;
    private final ReconciliationRuns runs;
    private final Clock clock;

    private final List<AccountState> batch = new ArrayList<>(BATCH);
    private final Set<String> seen = new HashSet<>();
    private final Map<DriftKind, Long> counts = new EnumMap<>(DriftKind.class);
    private long accountsRead;
    private long findingNumber;

    ReconciliationPass(Target target, String reconciliationId, DesiredAccessStore desired, WorkerDirectory directory, Safeguard safeguard,
                       CommandGateway commands, ReconciliationRuns runs, Clock clock) {
        this.target = target;
        this.reconciliationId = reconciliationId;
        this.lister = (ListAccountsOp) target.connector();
        this.comparison = new DriftComparison(target, lister.listedAttributes());
        this.settings = target.settings().reconciliation();
        this.desired = desired;
        this.directory = directory;
        this.safeguard = safeguard;
        this.commands = commands;
        this.runs = runs;
        this.clock = clock;
    }

    long accountsRead() {
        return accountsRead;
    }

    Map<DriftKind, Long> counts() {
        return counts;
    }

    void run() {
        lister.listAccounts(account -> {
            batch.add(account);
            if (batch.size() == BATCH) {
                compareBatch();
            }
        });
        compareBatch();
        lister.duplicateGroups().forEach((entitlement, groups) -> {
            counts.merge(DriftKind.DUPLICATE_GROUP, 1L, Long::sum);
            commands.sendAndWait(new Reconciliation.RecordDuplicateGroup(reconciliationId,
                    new ReconciliationEvents.DuplicateGroupFound(reconciliationId, target.name(), entitlement, groups, clock.instant())));
        });
        desired.eachActive(wanted -> {
            if (comparison.wantsAccount(wanted) && !seen.contains(wanted.workerId()) && !settings.ignores(wanted.workerId())) {
                record(wanted.workerId(), null, comparison.missing(wanted));
            }
        });
    }

    private void compareBatch() {
        if (batch.isEmpty()) {
            return;
        }
        List<String> owners = batch.stream().map(AccountState::workerId).filter(owner -> owner != null).toList();
        Map<String, DesiredAccess> wanted = desired.of(owners);
        Map<String, AccountSpec> people = directory.accountsOf(owners);
        for (AccountState account : batch) {
            accountsRead++;
            if (account.workerId() == null || settings.ignores(account.accountName()) || settings.ignores(account.workerId())) {
                continue;
            }
            seen.add(account.workerId());
            for (Finding finding : comparison.compare(account, people.get(account.workerId()), wanted.get(account.workerId()))) {
                if (finding.kind() == DriftKind.ORPHAN_ACCOUNT) {
                    orphan(account);
                } else {
                    record(account.workerId(), account.accountName(), finding);
                }
            }
        }
        batch.clear();
        runs.beat(reconciliationId, accountsRead);
    }

    private void record(String workerId, String accountName, Finding finding) {
        counts.merge(finding.kind(), 1L, Long::sum);
        commands.sendAndWait(new RecordDrift(new DriftFound(reconciliationId + "-" + (++findingNumber), reconciliationId, WorkerId.of(workerId),
                target.name(), accountName == null ? workerId : accountName, finding.kind(), finding.subject(), finding.expected(), finding.actual(),
                finding.reason(), settings.remediates(), clock.instant())));
    }

    /** Left alone unless the target says otherwise; disabling or deleting one passes the safeguard like any deprovisioning. */
    private void orphan(AccountState account) {
        counts.merge(DriftKind.ORPHAN_ACCOUNT, 1L, Long::sum);
        String remedy = "REPORTED";
        // Connectors find an account by the worker id it names; one whose owner differs from its name is left to a person.
        boolean addressable = account.workerId().equals(account.accountName());
        if (settings.remediates() && settings.orphans() != ReconciliationSettings.OrphanRemedy.REPORT && addressable) {
            if (!safeguard.admit(target, account.workerId())) {
                remedy = "HELD";
            } else if (settings.orphans() == ReconciliationSettings.OrphanRemedy.DISABLE && target.connector() instanceof DisableAccountOp disable) {
                disable.disableAccount(account.workerId());
                remedy = "DISABLED";
            } else if (settings.orphans() == ReconciliationSettings.OrphanRemedy.DELETE && target.connector() instanceof DeleteAccountOp delete) {
                delete.deleteAccount(account.workerId());
                remedy = "DELETED";
            }
        }
        commands.sendAndWait(new Reconciliation.RecordOrphan(reconciliationId, new OrphanAccountFound(reconciliationId, target.name(),
                account.accountName(), account.workerId(), remedy, clock.instant())));
    }
}
