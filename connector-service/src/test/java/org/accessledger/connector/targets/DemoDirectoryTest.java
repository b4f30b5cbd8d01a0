package org.accessledger.connector.targets;

import org.accessledger.connector.ldap.LdapConnector;
import org.accessledger.connector.spi.AccountSpec;
import org.accessledger.connector.spi.TargetAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default's directory answers the LDAP connector's assertions and post-reads as slapd does. */
class DemoDirectoryTest {

    @TempDir
    Path dataDir;

    @Test
    void aJoinerMoverLeaverStoryRunsAgainstTheDemoDirectory() {
        try (DemoDirectory demo = new DemoDirectory(dataDir, "secret");
             LdapConnector ldap = new LdapConnector(DemoDirectory.NAME, demo.settings().ldap(), 2)) {
            AccountSpec joiner = new AccountSpec("D100", "Ada", "Lovelace", "ada@example.com", "EMPLOYEE", "Sales", null);

            assertThat(ldap.createAccount(joiner)).isEqualTo(TargetAnswer.account(false));
            assertThat(ldap.addEntitlement("D100", "crm:rep")).isEqualTo(TargetAnswer.entitlement("crm:rep", true));
            assertThat(ldap.updateAccount(new AccountSpec("D100", "Ada", "Lovelace", "ada@example.com", "EMPLOYEE", "Finance", null)))
                    .isEqualTo(TargetAnswer.account(false));
            assertThat(ldap.disableAccount("D100")).isEqualTo(TargetAnswer.account(true).withNoEntitlements());
            assertThat(ldap.readAccount("D100").orElseThrow().entitlements()).isEmpty();
            // The in-memory server cannot compare caseExact in an assertion; a case variant is refused by the HR intake instead.
            assertThat(ldap.createAccount(joiner)).isEqualTo(TargetAnswer.account(false));
        }
    }
}
