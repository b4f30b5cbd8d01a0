package org.accessledger.connector.provisioning;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.accessledger.platform.privacy.PersonalDataVault;
import org.accessledger.api.access.AccessGranted;
import org.accessledger.api.access.AccessReason;
import org.accessledger.api.access.AccessRevoked;
import org.accessledger.api.access.EntitlementId;
import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.PersonDetails;
import org.accessledger.api.worker.WorkerHired;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.api.worker.WorkerTerminated;
import org.accessledger.api.worker.WorkerType;
import org.accessledger.connector.account.DesiredAccessStore;
import org.accessledger.connector.account.RecordOutcome;
import org.accessledger.connector.account.RecordRepair;
import org.accessledger.connector.safeguard.Safeguard;
import org.accessledger.connector.scim.ScimSettings;
import org.accessledger.connector.spi.AccountSpec;
import org.accessledger.connector.spi.AddEntitlementOp;
import org.accessledger.connector.spi.Connector;
import org.accessledger.connector.spi.CreateAccountOp;
import org.accessledger.connector.spi.DisableAccountOp;
import org.accessledger.connector.spi.RemoveEntitlementOp;
import org.accessledger.connector.spi.TargetAnswer;
import org.accessledger.connector.targets.ReconciliationSettings;
import org.accessledger.connector.targets.SafeguardSettings;
import org.accessledger.connector.targets.Target;
import org.accessledger.connector.targets.TargetSettings;
import org.accessledger.platform.testing.RecordingMongo;
import org.accessledger.platform.time.MutableClock;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the provisioner asks of targets that support only some operations, without a server. */
class TargetProvisionerTest {

    private static final WorkerId ADA = WorkerId.of("E1001");
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private static final AccessReason REASON = AccessReason.of("cause", HrEventId.of("hr-1"), "everyone", 1);

    private final RecordingMongo mongo = new RecordingMongo();
    private final MutableClock clock = new MutableClock(AT);
    private final WorkerDirectory directory = new WorkerDirectory(mongo.database("provisioner-test"), PersonalDataVault.disabled());
    private final List<Object> recorded = new ArrayList<>();
    private final CommandGateway commands = recordingGateway();

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void aTargetThatOnlyAddsMembershipsGetsTheGrantsAndNothingElse() {
        Calls calls = new Calls();
        TargetProvisioner provisioner = provisioner(new MembershipsOnly(calls), SafeguardSettings.DEFAULT);

        provisioner.on(hired());
        provisioner.on(grant("vpn:user"), message(grant("vpn:user")));
        provisioner.on(revoke("vpn:user"), message(revoke("vpn:user")));
        provisioner.on(terminated(), message(terminated()));

        assertThat(calls).containsExactly("add E1001 vpn:user");
        assertThat(recorded).hasSize(1).allSatisfy(command -> assertThat(((RecordOutcome) command).succeeded()).isTrue());
    }

    @Test
    void anAccountIsCreatedOnceAndALeaversRevocationsFollowingTheDisableAskNothing() {
        Calls calls = new Calls();
        TargetProvisioner provisioner = provisioner(new FullTarget(calls), SafeguardSettings.DEFAULT);

        provisioner.on(hired());
        provisioner.on(grant("vpn:user"), message(grant("vpn:user")));
        provisioner.on(grant("git:developer"), message(grant("git:developer")));
        provisioner.on(terminated(), message(terminated()));
        provisioner.on(revoke("vpn:user"), message(revoke("vpn:user")));

        assertThat(calls).containsExactly("create E1001", "add E1001 vpn:user", "add E1001 git:developer", "disable E1001");
    }

    @Test
    void deprovisioningPastTheSafeguardIsHeldWhileGrantsGoOn() {
        Calls calls = new Calls();
        TargetProvisioner provisioner = provisioner(new FullTarget(calls), new SafeguardSettings(1, 100, Duration.ofHours(1), 100));

        provisioner.on(grant("vpn:user"), message(grant("vpn:user")));
        provisioner.on(grant("git:developer"), message(grant("git:developer")));
        provisioner.on(revoke("vpn:user"), message(revoke("vpn:user")));
        provisioner.on(revoke("git:developer"), message(revoke("git:developer")));
        provisioner.on(grant("chat:member"), message(grant("chat:member")));

        assertThat(calls).containsExactly("create E1001", "add E1001 vpn:user", "add E1001 git:developer", "remove E1001 vpn:user",
                "add E1001 chat:member");
    }

    private TargetProvisioner provisioner(Connector connector, SafeguardSettings safeguardSettings) {
        TargetSettings settings = TargetSettings.ofScim(List.of("*"), new ScimSettings("http://127.0.0.1:9", "unused", "{entitlement}", Map.of(), false),
                TargetSettings.Retry.DEFAULT).with(ReconciliationSettings.DEFAULT, safeguardSettings);
        Target target = new Target("fake", settings, connector);
        ProvisioningOperations operations = new ProvisioningOperations(target, () -> commands, new SimpleMeterRegistry(), clock);
        Safeguard safeguard = new Safeguard(mongo.database("provisioner-test"), recorded::add, clock);
        DriftRepairs repairs = new DriftRepairs(target, directory, new DesiredAccessStore(mongo.database("provisioner-test")), operations, safeguard,
                () -> commands, clock);
        return new TargetProvisioner(target, directory, operations, safeguard, repairs);
    }

    private CommandGateway recordingGateway() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        for (Class<?> type : List.of(RecordOutcome.class, RecordRepair.class)) {
            bus.subscribe(type.getName(), message -> {
                recorded.add(message.getPayload());
                return null;
            });
        }
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }

    private static WorkerHired hired() {
        return new WorkerHired(ADA, HrEventId.of("hr-1"), AT, 1, AT.atZone(ZoneId.of("UTC")).toLocalDate(),
                new PersonDetails("Ada", "Lovelace", "ada@example.com", WorkerType.EMPLOYEE, ZoneId.of("UTC"), null),
                new Assignment("Sales", "SALES-REP", "London", "CC-200", null));
    }

    private static AccessGranted grant(String entitlement) {
        return new AccessGranted(ADA, EntitlementId.of(entitlement), AT, REASON);
    }

    private static AccessRevoked revoke(String entitlement) {
        return new AccessRevoked(ADA, EntitlementId.of(entitlement), AT, REASON);
    }

    private static WorkerTerminated terminated() {
        return new WorkerTerminated(ADA, HrEventId.of("hr-2"), AT, "resigned");
    }

    private static EventMessage<?> message(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }

    /** The calls a fake target received, in order. */
    static final class Calls extends ArrayList<String> {
    }

    /** Memberships only: no accounts to create or disable. */
    record MembershipsOnly(Calls calls) implements Connector, AddEntitlementOp {
        @Override
        public TargetAnswer addEntitlement(String workerId, String entitlement) {
            calls.add("add " + workerId + " " + entitlement);
            return TargetAnswer.entitlement(entitlement, true);
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public void close() {
        }
    }

    /** Accounts and memberships; a disable leaves every group, as LDAP's does. */
    record FullTarget(Calls calls) implements Connector, CreateAccountOp, AddEntitlementOp, RemoveEntitlementOp, DisableAccountOp {
        @Override
        public TargetAnswer createAccount(AccountSpec account) {
            calls.add("create " + account.workerId());
            return TargetAnswer.account(false);
        }

        @Override
        public TargetAnswer addEntitlement(String workerId, String entitlement) {
            calls.add("add " + workerId + " " + entitlement);
            return TargetAnswer.entitlement(entitlement, true);
        }

        @Override
        public TargetAnswer removeEntitlement(String workerId, String entitlement) {
            calls.add("remove " + workerId + " " + entitlement);
            return TargetAnswer.entitlement(entitlement, false);
        }

        @Override
        public TargetAnswer disableAccount(String workerId) {
            calls.add("disable " + workerId);
            return TargetAnswer.account(true).withNoEntitlements();
        }

        @Override
        public boolean disablingRemovesEntitlements() {
            return true;
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
