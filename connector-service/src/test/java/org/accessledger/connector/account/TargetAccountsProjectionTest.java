package org.accessledger.connector.account;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.accessledger.api.access.AccessGranted;
import org.accessledger.api.access.AccessReason;
import org.accessledger.api.access.EntitlementId;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.api.worker.WorkerTerminated;
import org.accessledger.connector.targets.TargetSettings;
import org.accessledger.connector.targets.Targets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TargetAccountsProjectionTest {

    private static final WorkerId ADA = WorkerId.of("E1001");
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    // Constructing a SCIM target opens no connection; this projection never calls it.
    private final Targets targets = new Targets(Map.of("crm", new TargetSettings(TargetSettings.Type.SCIM, List.of("crm:*"),
            null, null, null, null, null, Map.of(), null, null, null, "http://127.0.0.1:9/scim/v2", "unused", "{entitlement}", null)));
    private final TargetAccountsProjection projection = new TargetAccountsProjection(client.getDatabase("target-accounts-test"), targets);

    @AfterEach
    void stop() {
        targets.close();
        client.close();
        server.shutdownNow();
    }

    @Test
    void aLeaverWithAnAccountInTheTargetIsWantedDisabledThere() {
        projection.on(new AccessGranted(ADA, EntitlementId.of("crm:user"), NOW, AccessReason.of("e-1", HrEventId.of("hr-1"), "sales", 1)));
        projection.on(new WorkerTerminated(ADA, HrEventId.of("hr-2"), NOW, "resigned"));

        TargetAccountView account = projection.handle(new FindTargetAccountQuery("crm", ADA.value())).orElseThrow();
        assertThat(account.desired().account()).isEqualTo("DISABLED");
        assertThat(account.desired().entitlements()).containsExactly("crm:user");
    }

    @Test
    void aLeaverWithoutAnAccountInTheTargetGetsNoneThere() {
        projection.on(new WorkerTerminated(ADA, HrEventId.of("hr-2"), NOW, "resigned"));

        assertThat(projection.handle(new FindTargetAccountQuery("crm", ADA.value()))).isEmpty();
    }
}
