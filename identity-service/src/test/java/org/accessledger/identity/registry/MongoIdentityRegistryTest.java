package org.accessledger.identity.registry;

import org.accessledger.platform.privacy.PersonalDataVault;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.error.RuleViolationException;
import org.accessledger.identity.worker.IdentityRegistry;
import org.accessledger.api.worker.*;
import org.accessledger.platform.testing.RecordingMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoIdentityRegistryTest {

    private static final WorkerId ADA = WorkerId.of("E1001");
    private static final WorkerId GRACE = WorkerId.of("E1002");
    private static final String SHARED_EMAIL = "a.lovelace@example.com";
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    private final RecordingMongo mongo = new RecordingMongo();
    private final MongoIdentityRegistry registry = new MongoIdentityRegistry(mongo.database("identity-registry-test"), PersonalDataVault.disabled());

    @AfterEach
    void stopServer() {
        mongo.close();
    }

    @Test
    void aSecondWorkerWithTheSameEmailIsRefusedWhileTheFirstIsEmployed() {
        registry.on(hired(ADA));

        assertThatThrownBy(() -> registry.on(hired(GRACE))).isInstanceOf(RuleViolationException.class);
        assertThat(registry.holderOf(SHARED_EMAIL)).contains(ADA);
    }

    @Test
    void aWorkerIdDifferingOnlyInCaseIsRefusedEvenAfterTheFirstWorkerLeft() {
        registry.on(hired(ADA));
        registry.on(new WorkerTerminated(ADA, HrEventId.of("hr-2"), NOW, "resigned"));
        WorkerId caseVariant = WorkerId.of(ADA.value().toLowerCase(java.util.Locale.ROOT));

        assertThat(registry.holderOfIdIgnoringCase(caseVariant)).contains(ADA);
        assertThatThrownBy(() -> registry.on(new WorkerHired(caseVariant, HrEventId.of("hr-3"), NOW, 1, LocalDate.of(2026, 11, 22),
                new PersonDetails("Ada", "Lovelace", "other@example.com", WorkerType.EMPLOYEE, ZoneId.of("Europe/London"), null),
                new Assignment("Finance", "FIN-ANALYST", "London", "CC-100", null))))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(RuleViolationException.violationOf(e).orElseThrow().code()).isEqualTo(ErrorCode.WORKER_ID_CASE_COLLISION));
        registry.on(new WorkerRehired(ADA, HrEventId.of("hr-4"), NOW, 2, LocalDate.of(2026, 11, 22),
                new PersonDetails("Ada", "Lovelace", SHARED_EMAIL, WorkerType.EMPLOYEE, ZoneId.of("Europe/London"), null),
                new Assignment("Finance", "FIN-ANALYST", "London", "CC-100", null)));
    }

    @Test
    void aWorkEmailDifferingOnlyInCaseIsTheSameEmail() {
        registry.on(hired(ADA));

        assertThat(registry.holderOf(IdentityRegistry.normalise("A.Lovelace@Example.COM"))).contains(ADA);
    }

    @Test
    void aLeaversEmailIsFreeForTheNextHire() {
        registry.on(hired(ADA));
        registry.on(new WorkerTerminated(ADA, HrEventId.of("hr-2"), NOW, "resigned"));

        registry.on(hired(GRACE));

        assertThat(registry.holderOf(SHARED_EMAIL)).contains(GRACE);
    }

    @Test
    void everyLookupClaimAndReleaseFindsItsDocumentByIdAlone() {
        registry.on(hired(ADA));
        registry.on(new WorkerTerminated(ADA, HrEventId.of("hr-2"), NOW, "resigned"));
        registry.on(hired(GRACE));
        registry.on(new ContractExpired(GRACE, HrEventId.of("hr-3"), NOW));

        assertThat(mongo.selectingCommands()).contains("find", "update", "delete");
        assertThat(mongo.selectionsNotByIdAlone()).isEmpty();
    }

    private static WorkerHired hired(WorkerId worker) {
        LocalDate start = LocalDate.of(2026, 1, 5);
        return new WorkerHired(worker, HrEventId.of("hr-1-" + worker.value()), start.atStartOfDay(ZoneId.of("Europe/London")).toInstant(), 1, start,
                new PersonDetails("Ada", "Lovelace", SHARED_EMAIL, WorkerType.EMPLOYEE, ZoneId.of("Europe/London"), null),
                new Assignment("Finance", "FIN-ANALYST", "London", "CC-100", null));
    }
}
