package org.accessledger.connector.provisioning;

import org.accessledger.connector.spi.LocalGroupIds;
import org.accessledger.connector.ldap.LdapSettings;
import org.accessledger.connector.targets.TargetSettings;
import org.accessledger.connector.targets.Targets;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A target's concurrency is in effect only if its processor's stored segments match it. */
class ProvisioningSegmentsTest {

    final InMemoryTokenStore tokens = new InMemoryTokenStore();
    final Targets targets = new Targets(Map.of("corp-ldap", TargetSettings.ofLdap(List.of("*"), new LdapSettings("ldap://127.0.0.1:1",
            "cn=admin", "secret", "ou=people", "cn={application}-{entitlement}", Map.of(), LdapSettings.DisableMode.REMOVE_MEMBERSHIPS,
            null, "cn=nobody", "employeeNumber", true, 500), TargetSettings.Retry.DEFAULT)), target -> new LocalGroupIds());
    final ProvisioningSegments segments = new ProvisioningSegments(targets, group -> tokens);

    @AfterEach
    void close() {
        targets.close();
    }

    @Test
    void segmentsStoredAtFirstStartAsConfiguredAreInEffect() {
        tokens.initializeTokenSegments("provisioning-corp-ldap", TargetSettings.DEFAULT_CONCURRENCY);

        assertThat(segments.of(targets.named("corp-ldap").orElseThrow())).isEqualTo(TargetSettings.DEFAULT_CONCURRENCY);
        assertThat(segments.concurrencyNotInEffect()).isEmpty();
    }

    @Test
    void concurrencyChangedAfterTheFirstStartIsReported() {
        tokens.initializeTokenSegments("provisioning-corp-ldap", 4);

        assertThat(segments.concurrencyNotInEffect()).singleElement().asString()
                .startsWith("accessledger.targets.corp-ldap.concurrency is 8, but provisioning-corp-ldap has 4 segments");
    }

    @Test
    void aTargetNotStartedYetHasNoSegmentsAndNothingToReport() {
        assertThat(segments.of(targets.named("corp-ldap").orElseThrow())).isZero();
        assertThat(segments.concurrencyNotInEffect()).isEmpty();
    }
}
