package org.accessledger.benchmark;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchScope;
import org.accessledger.connector.testservers.Slapd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SlapdOperationsTest {

    @TempDir
    Path directory;

    @Test
    void countsTheOperationsCompletedSinceAReadingByKind() throws Exception {
        try (Slapd slapd = Slapd.start(directory); LDAPConnection ldap = slapd.connect()) {
            SlapdOperations before = SlapdOperations.read(ldap);
            String person = "uid=p1,ou=people," + Slapd.BASE;
            ldap.add("dn: " + person, "objectClass: inetOrgPerson", "uid: p1", "cn: P One", "sn: One");
            ldap.modify(person, new Modification(ModificationType.REPLACE, "sn", "Uno"));
            ldap.search("ou=people," + Slapd.BASE, SearchScope.ONE, "(uid=p1)", "1.1");
            ldap.compare(person, "sn", "Uno");
            ldap.delete(person);

            // slapd counts an operation just after it has answered it: read until the last one is in.
            SlapdOperations since;
            int readings = 0;
            do {
                since = SlapdOperations.read(ldap).since(before);
                readings++;
            } while (since.completedByKind().get("Delete") == 0 && readings < 100);
            long searchesOtherThanTheFirstReading = since.withoutSearches(1).completedByKind().get("Search");

            assertThat(since.completedByKind()).containsEntry("Add", 1L).containsEntry("Modify", 1L).containsEntry("Compare", 1L)
                    .containsEntry("Delete", 1L).containsEntry("Modrdn", 0L);
            assertThat(searchesOtherThanTheFirstReading).as("the search, and maybe readings but the last").isBetween(1L, (long) readings);
            assertThat(since.total()).isEqualTo(4 + since.completedByKind().get("Search"));
        }
    }
}
