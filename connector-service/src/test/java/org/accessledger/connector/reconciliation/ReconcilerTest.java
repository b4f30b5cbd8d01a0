package org.accessledger.connector.reconciliation;

import org.accessledger.platform.privacy.PersonalDataVault;
import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.PersonDetails;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.api.worker.WorkerType;
import org.accessledger.connector.account.DesiredAccess;
import org.accessledger.connector.account.DesiredAccessStore;
import org.accessledger.connector.account.RecordDrift;
import org.accessledger.connector.provisioning.WorkerDirectory;
import org.accessledger.connector.safeguard.Safeguard;
import org.accessledger.connector.scim.ScimSettings;
import org.accessledger.connector.spi.AccountState;
import org.accessledger.connector.spi.Connector;
import org.accessledger.connector.spi.ConnectorException;
import org.accessledger.connector.spi.DisableAccountOp;
import org.accessledger.connector.spi.TargetAnswer;
import org.accessledger.connector.spi.ListAccountsOp;
import org.accessledger.connector.spi.TestOp;
import org.accessledger.connector.targets.ReconciliationSettings;
import org.accessledger.connector.targets.SafeguardSettings;
import org.accessledger.connector.targets.Target;
import org.accessledger.connector.targets.TargetSettings;
import org.accessledger.platform.testing.RecordingMongo;
import org.accessledger.platform.time.MutableClock;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Runs of the reconciler over a target that is a fake: what it records, and how it ends when the target fails. */
class ReconcilerTest {

    private static final DesiredAccess.Reason GRANT = new DesiredAccess.Reason("AccessGranted", "hr-1", "everyone", 1L);

    private final RecordingMongo mongo = new RecordingMongo();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T02:00:00Z"));
    private final List<Object> commands = new CopyOnWriteArrayList<>();
    private final ReconciliationRuns runs = new ReconciliationRuns(mongo.database("reconciler-test"), clock);
    private final DesiredAccessStore desired = new DesiredAccessStore(mongo.database("reconciler-test"));
    private final WorkerDirectory directory = new WorkerDirectory(mongo.database("reconciler-test"), PersonalDataVault.disabled());
    private Reconciler reconciler;

    @AfterEach
    void close() {
        reconciler.close();
        mongo.close();
    }

    @Test
    void eachDifferenceIsRecordedAndAWorkerNotListedIsMissing() {
        Target target = target(new FakeTarget(List.of(
                new AccountState("E1", "E1", false, Set.of("crm:user", "crm:admin"), Map.of()),
                new AccountState("svc-batch", "svc-batch", false, Set.of(), Map.of())), null));
        hired("E1");
        desired.grant("E1", "crm:user", GRANT);
        hired("E2");
        desired.grant("E2", "crm:user", GRANT);

        String id = reconciler.start(target, "admin");

        ReconciliationRun run = awaitEnd(id);
        assertThat(run.status()).isEqualTo("COMPLETED");
        assertThat(run.accountsRead()).isEqualTo(2);
        assertThat(run.findings()).containsEntry("EXTRA_ENTITLEMENT", 1L).containsEntry("ORPHAN_ACCOUNT", 1L).containsEntry("MISSING_ACCOUNT", 1L);
        assertThat(commands).filteredOn(RecordDrift.class::isInstance).map(command -> ((RecordDrift) command).finding())
                .extracting(finding -> finding.workerId().value() + " " + finding.kind() + " " + finding.subject() + " " + finding.repair())
                .containsExactly("E1 EXTRA_ENTITLEMENT crm:admin true", "E2 MISSING_ACCOUNT null true");
        assertThat(commands).filteredOn(Reconciliation.RecordOrphan.class::isInstance)
                .extracting(command -> ((Reconciliation.RecordOrphan) command).orphan().remedy()).containsExactly("REPORTED");
        assertThat(commands).last().isInstanceOf(Reconciliation.Complete.class);
    }

    @Test
    void aTargetFailingMidwayEndsTheRunFailedWithItsCauseAndFreesTheTarget() {
        Target target = target(new FakeTarget(List.of(new AccountState("E1", "E1", false, Set.of(), Map.of())),
                ConnectorException.transientFailure("LDAP 81 (server down) on page 2", null)));

        String id = reconciler.start(target, "admin");

        ReconciliationRun run = awaitEnd(id);
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.cause()).isEqualTo("LDAP 81 (server down) on page 2");
        assertThat(commands).first().isInstanceOf(Reconciliation.Start.class);
        assertThat(commands).last().isEqualTo(new Reconciliation.Fail(id, run.cause(), clock.instant()));
        assertThat(commands).noneMatch(Reconciliation.Complete.class::isInstance);
        assertThat(reconciler.start(target, "admin")).as("the target is free for the next run").isNotEqualTo(id);
    }

    @Test
    void anOrphanIsDisabledWhereTheTargetSaysSoAndOnlyWhenItsOwnerIsItsName() {
        FakeTarget fake = new FakeTarget(List.of(new AccountState("svc-x", "svc-x", false, Set.of(), Map.of()),
                new AccountState("X999", "svc-y", false, Set.of(), Map.of())), null);
        Target target = target(fake, new ReconciliationSettings(ReconciliationSettings.Mode.REMEDIATE, ReconciliationSettings.OrphanRemedy.DISABLE,
                List.of(), ReconciliationSettings.NEVER));

        awaitEnd(reconciler.start(target, "admin"));

        assertThat(fake.disabled).containsExactly("svc-x");
        assertThat(commands).filteredOn(Reconciliation.RecordOrphan.class::isInstance).map(command -> ((Reconciliation.RecordOrphan) command).orphan())
                .extracting(orphan -> orphan.accountName() + " " + orphan.remedy()).containsExactly("svc-x DISABLED", "svc-y REPORTED");
    }

    @Test
    void aTargetThatDoesNotAnswerStartsNothing() {
        FakeTarget down = new FakeTarget(List.of(), null);
        down.unreachable = true;

        Target target = target(down);

        assertThatThrownBy(() -> reconciler.start(target, "admin")).isInstanceOf(Reconciler.TargetUnavailable.class);
        assertThat(commands).isEmpty();
    }

    private Target target(Connector connector) {
        return target(connector, ReconciliationSettings.DEFAULT);
    }

    private Target target(Connector connector, ReconciliationSettings reconciliation) {
        TargetSettings settings = TargetSettings.ofScim(List.of("crm:*"), new ScimSettings("http://127.0.0.1:9", "unused", "{entitlement}", Map.of(), true),
                TargetSettings.Retry.DEFAULT).with(reconciliation, SafeguardSettings.DEFAULT);
        Target target = new Target("fake", settings, connector);
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        for (Class<?> type : List.of(Reconciliation.Start.class, Reconciliation.RecordOrphan.class, Reconciliation.RecordDuplicateGroup.class,
                Reconciliation.Complete.class, Reconciliation.Fail.class, RecordDrift.class)) {
            bus.subscribe(type.getName(), message -> {
                commands.add(message.getPayload());
                return null;
            });
        }
        Safeguard safeguard = new Safeguard(mongo.database("reconciler-test"), commands::add, clock);
        reconciler = new Reconciler(runs, desired, directory, safeguard,
                DefaultCommandGateway.builder().commandBus(bus).build(), new ReconciliationMetrics(null, runs), clock);
        return target;
    }

    private void hired(String workerId) {
        directory.record(WorkerId.of(workerId), new PersonDetails("Ada", "Lovelace", null, WorkerType.EMPLOYEE, ZoneId.of("UTC"), null),
                new Assignment("Sales", "SALES-REP", "London", "CC-200", null));
    }

    private ReconciliationRun awaitEnd(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !"RUNNING".equals(runs.find("fake", id, (run, action) -> 0).orElseThrow().status()));
        return runs.find("fake", id, (run, action) -> 0).orElseThrow();
    }

    /** Lists its accounts, then fails with {@code failure} if given; answers its connection test unless unreachable; records disables. */
    static final class FakeTarget implements Connector, ListAccountsOp, TestOp, DisableAccountOp {
        private final List<AccountState> accounts;
        private final ConnectorException failure;
        private final List<String> disabled = new CopyOnWriteArrayList<>();
        boolean unreachable;

        @Override
        public TargetAnswer disableAccount(String workerId) {
            disabled.add(workerId);
            return TargetAnswer.account(true);
        }

        FakeTarget(List<AccountState> accounts, ConnectorException failure) {
            this.accounts = accounts;
            this.failure = failure;
        }

        @Override
        public void listAccounts(Consumer<AccountState> each) {
            accounts.forEach(each);
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public Set<String> listedAttributes() {
            return Set.of();
        }

        @Override
        public void test() {
            if (unreachable) {
                throw ConnectorException.transientFailure("connection refused", null);
            }
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public void close() {
        }
    }
}
