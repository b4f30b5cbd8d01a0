package org.accessledger.connector.provisioning;

import org.accessledger.platform.privacy.PersonalDataVault;
import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.PersonDetails;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.api.worker.WorkerType;
import org.accessledger.connector.spi.AccountSpec;
import org.accessledger.platform.testing.RecordingMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerDirectoryTest {

    private static final WorkerId ADA = WorkerId.of("E1001");
    private static final PersonDetails ADA_LOVELACE = new PersonDetails("Ada", "Lovelace", "ada@example.com", WorkerType.EMPLOYEE,
            ZoneId.of("Europe/London"), null);

    private final RecordingMongo mongo = new RecordingMongo();
    private final WorkerDirectory directory = new WorkerDirectory(mongo.database("worker-directory-test"), PersonalDataVault.disabled());

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aMoverKeepsThePersonDetailsOfTheHireAndTakesTheNewAssignment() {
        directory.record(ADA, ADA_LOVELACE, new Assignment("Finance", "FIN-ANALYST", "London", "CC-100", null));
        directory.reassign(ADA, new Assignment("Sales", "SALES-REP", "Leeds", "CC-200", WorkerId.of("E0001")));

        assertThat(directory.accountOf(ADA))
                .isEqualTo(new AccountSpec("E1001", "Ada", "Lovelace", "ada@example.com", "EMPLOYEE", "Sales", "E0001"));
    }

    @Test
    void anAccountIsInPlacePerTargetUntilItIsDisabledThere() {
        directory.recordAccountInPlace(ADA, "corp-ldap", true);
        directory.recordAccountInPlace(ADA, "crm", true);
        directory.recordAccountInPlace(ADA, "corp-ldap", false);

        assertThat(directory.accountInPlace(ADA, "corp-ldap")).isFalse();
        assertThat(directory.accountInPlace(ADA, "crm")).isTrue();
        assertThat(directory.accountInPlace(WorkerId.of("E1002"), "crm")).isFalse();
    }

    /** The embedded read-model store scans a collection for any other filter; these run once per provisioning event. */
    @Test
    void everyCallSelectsTheWorkerByIdAlone() {
        directory.record(ADA, ADA_LOVELACE, new Assignment("Finance", "FIN-ANALYST", "London", "CC-100", null));
        directory.reassign(ADA, new Assignment("Sales", "SALES-REP", "Leeds", "CC-200", null));
        directory.recordAccountInPlace(ADA, "crm", true);
        directory.accountInPlace(ADA, "crm");
        directory.accountOf(ADA);

        assertThat(mongo.selectingCommands()).contains("update", "find");
        assertThat(mongo.selectionsNotByIdAlone()).isEmpty();
    }
}
