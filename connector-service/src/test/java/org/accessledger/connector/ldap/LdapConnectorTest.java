package org.accessledger.connector.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import org.accessledger.connector.spi.AccountSpec;
import org.accessledger.connector.spi.AccountState;
import org.accessledger.connector.spi.ConnectorException;
import org.accessledger.connector.spi.TargetAnswer;
import org.accessledger.connector.testservers.Slapd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The LDAP connector against a real OpenLDAP server. */
class LdapConnectorTest {

    @TempDir
    static Path directory;
    static Slapd slapd;

    @BeforeAll
    static void start() {
        slapd = Slapd.start(directory);
    }

    @AfterAll
    static void stop() {
        slapd.close();
    }

    static LdapConnector connector(LdapSettings.DisableMode mode) {
        return connector(mode, 500);
    }

    static LdapConnector connector(LdapSettings.DisableMode mode, int pageSize) {
        return new LdapConnector("corp-ldap", new LdapSettings(slapd.url(), Slapd.ADMIN_DN, Slapd.ADMIN_PASSWORD,
                "ou=people," + Slapd.BASE, "cn={application}-{entitlement},ou=groups," + Slapd.BASE,
                Map.of("vpn:user", "cn=vpn-users,ou=groups," + Slapd.BASE), mode, "ou=disabled," + Slapd.BASE, "cn=nobody", "employeeNumber", true,
                pageSize), 4);
    }

    static AccountSpec account(String workerId, String familyName) {
        return new AccountSpec(workerId, "Ada", familyName, workerId.toLowerCase() + "@example.com", "EMPLOYEE", "Finance", null);
    }

    static SearchResultEntry entry(String dn) throws Exception {
        try (LDAPConnection connection = slapd.connect()) {
            return connection.getEntry(dn);
        }
    }

    @Test
    void accountIsCreatedOnceAndBroughtToTheSpecWhenCreatedAgain() throws Exception {
        try (LdapConnector ldap = connector(LdapSettings.DisableMode.REMOVE_MEMBERSHIPS)) {
            ldap.createAccount(account("L100", "Lovelace"));
            ldap.createAccount(account("L100", "King"));

            SearchResultEntry entry = entry("uid=L100,ou=people," + Slapd.BASE);
            assertThat(entry.getAttributeValue("sn")).isEqualTo("King");
            assertThat(entry.getAttributeValue("mail")).isEqualTo("l100@example.com");
            assertThat(entry.getAttributeValue("departmentNumber")).isEqualTo("Finance");
            assertThat(entry.getObjectClassValues()).contains("inetOrgPerson");
        }
    }

    @Test
    void entitlementsAreGroupMembershipsAndTheLastMemberLeavesAPlaceholder() throws Exception {
        try (LdapConnector ldap = connector(LdapSettings.DisableMode.REMOVE_MEMBERSHIPS)) {
            ldap.createAccount(account("L200", "Hopper"));
            ldap.addEntitlement("L200", "sales:rep");
            ldap.addEntitlement("L200", "sales:rep");
            ldap.addEntitlement("L200", "vpn:user");
            assertThat(ldap.readAccount("L200")).map(AccountState::entitlements).hasValueSatisfying(
                    entitlements -> assertThat(entitlements).containsExactlyInAnyOrder("sales:rep", "vpn:user"));
            assertThat(entry("cn=sales-rep,ou=groups," + Slapd.BASE).getAttributeValues("member"))
                    .containsExactly("uid=L200,ou=people," + Slapd.BASE);

            ldap.removeEntitlement("L200", "sales:rep");
            ldap.removeEntitlement("L200", "sales:rep");

            assertThat(entry("cn=sales-rep,ou=groups," + Slapd.BASE).getAttributeValues("member")).containsExactly("cn=nobody");
            assertThat(ldap.readAccount("L200").orElseThrow().entitlements()).containsExactly("vpn:user");
            ldap.addEntitlement("L200", "hr-portal:self-service");
            assertThat(ldap.readAccount("L200").orElseThrow().entitlements()).containsExactlyInAnyOrder("vpn:user", "hr-portal:self-service");
            ldap.removeEntitlement("L200", "hr-portal:self-service");
            ldap.addEntitlement("L200", "sales:rep");
            assertThat(entry("cn=sales-rep,ou=groups," + Slapd.BASE).getAttributeValues("member"))
                    .containsExactly("uid=L200,ou=people," + Slapd.BASE);
        }
    }

    @Test
    void concurrentGrantsAndRevokesOfOneEntitlementAllLand() throws Exception {
        List<String> workers = IntStream.range(0, 40).mapToObj(i -> "L25" + i).toList();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (LdapConnector ldap = connector(LdapSettings.DisableMode.REMOVE_MEMBERSHIPS)) {
            ldap.addEntitlement(workers.get(0), "chat:member");
            ldap.removeEntitlement(workers.get(0), "chat:member");
            inParallel(threads, workers, worker -> ldap.addEntitlement(worker, "chat:member"));

            assertThat(entry("cn=chat-member,ou=groups," + Slapd.BASE).getAttributeValues("member"))
                    .containsExactlyInAnyOrderElementsOf(workers.stream().map(worker -> "uid=" + worker + ",ou=people," + Slapd.BASE).toList());

            inParallel(threads, workers, worker -> ldap.removeEntitlement(worker, "chat:member"));

            assertThat(entry("cn=chat-member,ou=groups," + Slapd.BASE).getAttributeValues("member")).containsExactly("cn=nobody");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void concurrentDisablesLeaveSharedAndOwnGroupsAndTheLastLeavesThePlaceholder() throws Exception {
        List<String> workers = IntStream.range(0, 40).mapToObj(i -> "L26" + i).toList();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (LdapConnector ldap = connector(LdapSettings.DisableMode.REMOVE_MEMBERSHIPS)) {
            inParallel(threads, workers, worker -> {
                ldap.createAccount(account(worker, "Hopper"));
                ldap.addEntitlement(worker, "team26:reader");
                ldap.addEntitlement(worker, "team26:writer");
                ldap.addEntitlement(worker, "own:" + worker);
            });
            inParallel(threads, workers, ldap::disableAccount);

            for (String group : List.of("cn=team26-reader", "cn=team26-writer", "cn=own-" + workers.get(7))) {
                assertThat(entry(group + ",ou=groups," + Slapd.BASE).getAttributeValues("member")).as(group).containsExactly("cn=nobody");
            }
            assertThat(workers).allSatisfy(worker -> {
                AccountState state = ldap.readAccount(worker).orElseThrow();
                assertThat(state.disabled()).isTrue();
                assertThat(state.entitlements()).isEmpty();
            });
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void twelveConcurrentFirstGrantsMakeOneGroupHoldingAllTwelve() throws Exception {
        List<String> workers = IntStream.range(0, 12).mapToObj(i -> "L27" + i).toList();
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try (LdapConnector ldap = connector(LdapSettings.DisableMode.REMOVE_MEMBERSHIPS)) {
            inParallel(threads, workers, worker -> ldap.createAccount(account(worker, "Hopper")));
            inParallel(threads, workers, worker -> assertThat(ldap.addEntitlement(worker, "team27:member").entitlements())
                    .containsEntry("team27:member", true));

            try (LDAPConnection connection = slapd.connect()) {
                List<SearchResultEntry> groups = connection.search("ou=groups," + Slapd.BASE, SearchScope.ONE,
                        Filter.createEqualityFilter("cn", "team27-member")).getSearchEntries();
                assertThat(groups).hasSize(1);
                assertThat(groups.get(0).getAttributeValues("member")).hasSize(12);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anAccountWhoseOwnerAttributeNamesAnotherWorkerIsNeverChanged() throws Exception {
        try (LDAPConnection connection = slapd.connect()) {
            connection.add("dn: uid=L280,ou=people," + Slapd.BASE, "objectClass: inetOrgPerson", "uid: L280", "cn: Someone Else",
                    "sn: Else", "employeeNumber: X-999");
        }
        try (LdapConnector ldap = connector(LdapSettings.DisableMode.REMOVE_MEMBERSHIPS)) {
            for (Runnable change : List.<Runnable>of(() -> ldap.createAccount(account("L280", "Takeover")),
                    () -> ldap.updateAccount(account("L280", "Takeover")), () -> ldap.disableAccount("L280"))) {
                assertThatThrownBy(change::run).isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ConnectorException.ACCOUNT_OWNED_BY_OTHER_WORKER);
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage()).contains("X-999");
                });
            }
            SearchResultEntry untouched = entry("uid=L280,ou=people," + Slapd.BASE);
            assertThat(untouched.getAttributeValue("sn")).isEqualTo("Else");
            assertThat(untouched.getAttributeValue("description")).isNull();
        }
    }

    @Test
    void aCaseVariantWorkerIdDoesNotTakeOverTheFirstWorkersEntry() throws Exception {
        try (LdapConnector ldap = connector(LdapSettings.DisableMode.REMOVE_MEMBERSHIPS)) {
            ldap.createAccount(account("SU.1002-x", "First"));

            assertThatThrownBy(() -> ldap.updateAccount(account("su.1002-X", "Second")))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ConnectorException.ACCOUNT_OWNED_BY_OTHER_WORKER));
            assertThat(entry("uid=SU.1002-x,ou=people," + Slapd.BASE).getAttributeValue("sn")).isEqualTo("First");
        }
    }

    @Test
    void accountsReferenceTheirManagersEntryAndAnswerWhatTheEntryBecame() throws Exception {
        try (LdapConnector ldap = connector(LdapSettings.DisableMode.REMOVE_MEMBERSHIPS)) {
            AccountSpec report = new AccountSpec("L290", "Ada", "Report", "l290@example.com", "EMPLOYEE", "Finance", "L291");

            assertThat(ldap.createAccount(report)).isEqualTo(TargetAnswer.account(false));
            assertThat(entry("uid=L290,ou=people," + Slapd.BASE).getAttributeValue("manager")).isEqualTo("uid=L291,ou=people," + Slapd.BASE);

            assertThat(ldap.disableAccount("L290")).isEqualTo(TargetAnswer.account(true).withNoEntitlements());
            assertThat(ldap.createAccount(report)).isEqualTo(TargetAnswer.account(false));
        }
    }

    private static void inParallel(ExecutorService threads, List<String> workers, Consumer<String> change) throws Exception {
        List<Future<?>> changes = workers.stream().<Future<?>>map(worker -> threads.submit(() -> change.accept(worker))).toList();
        for (Future<?> done : changes) {
            done.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void disableRemovesMembershipsAndMarksTheAccount() {
        try (LdapConnector ldap = connector(LdapSettings.DisableMode.REMOVE_MEMBERSHIPS)) {
            ldap.createAccount(account("L300", "Turing"));
            ldap.addEntitlement("L300", "mail:box");
            ldap.disableAccount("L300");
            ldap.disableAccount("L300");

            AccountState state = ldap.readAccount("L300").orElseThrow();
            assertThat(state.disabled()).isTrue();
            assertThat(state.entitlements()).isEmpty();
            ldap.createAccount(account("L300", "Turing"));
            assertThat(ldap.readAccount("L300").orElseThrow().disabled()).isFalse();
        }
    }

    @Test
    void disableCanMoveTheAccountToTheDisabledUnitAndCreateBringsItBack() throws Exception {
        try (LdapConnector ldap = connector(LdapSettings.DisableMode.MOVE_TO_OU)) {
            ldap.createAccount(account("L400", "Liskov"));
            ldap.addEntitlement("L400", "mail:box");
            ldap.disableAccount("L400");

            assertThat(entry("uid=L400,ou=disabled," + Slapd.BASE)).isNotNull();
            assertThat(entry("uid=L400,ou=people," + Slapd.BASE)).isNull();
            assertThat(ldap.readAccount("L400").orElseThrow().disabled()).isTrue();
            ldap.createAccount(account("L400", "Liskov"));
            assertThat(entry("uid=L400,ou=people," + Slapd.BASE)).isNotNull();
        }
    }

    @Test
    void disableCanDeleteTheAccount() {
        try (LdapConnector ldap = connector(LdapSettings.DisableMode.DELETE)) {
            ldap.createAccount(account("L500", "Hamilton"));
            ldap.addEntitlement("L500", "mail:box");
            ldap.disableAccount("L500");

            assertThat(ldap.readAccount("L500")).isEmpty();
            ldap.disableAccount("L500");
        }
    }

    @Test
    void hostileNamesAreStoredLiterallyAndInjectNothing() throws Exception {
        String hostile = "O'Brien, Jr. (ops)*";
        try (LdapConnector ldap = connector(LdapSettings.DisableMode.REMOVE_MEMBERSHIPS)) {
            ldap.createAccount(new AccountSpec("L600", "Seán", hostile, "ob@example.com", "EMPLOYEE", "R&D \\ (x)*,=+<>#;", null));
            ldap.createAccount(new AccountSpec("L601", "Eve", "*", "eve@example.com", "EMPLOYEE", "*)(uid=*", null));
            ldap.addEntitlement("L600", "crm:rep");

            SearchResultEntry entry = entry("uid=L600,ou=people," + Slapd.BASE);
            assertThat(entry.getAttributeValue("sn")).isEqualTo(hostile);
            assertThat(entry.getAttributeValue("cn")).isEqualTo("Seán " + hostile);
            assertThat(entry.getAttributeValue("departmentNumber")).isEqualTo("R&D \\ (x)*,=+<>#;");
            try (LDAPConnection connection = slapd.connect()) {
                List<SearchResultEntry> found = connection.search("ou=people," + Slapd.BASE, SearchScope.ONE,
                        Filter.createEqualityFilter("sn", hostile)).getSearchEntries();
                assertThat(found).extracting(SearchResultEntry::getDN).containsExactly("uid=L600,ou=people," + Slapd.BASE);
            }
            assertThat(ldap.readAccount("*")).isEmpty();
            assertThat(ldap.readAccount("L601").orElseThrow().entitlements()).isEmpty();
        }
    }

    @Test
    void listingReadsEveryAccountInPagesWithItsGroupsAndAttributesLiterally() {
        try (LdapConnector ldap = connector(LdapSettings.DisableMode.MOVE_TO_OU, 2)) {
            for (int i = 0; i < 5; i++) {
                ldap.createAccount(account("L70" + i, "Goldberg"));
            }
            ldap.createAccount(new AccountSpec("L706", "Eve", "*)(uid=*", "eve@example.com", "EMPLOYEE", "R&D, ()*", null));
            ldap.addEntitlement("L700", "crm:rep");
            ldap.addEntitlement("L700", "vpn:user");
            ldap.addEntitlement("L706", "crm:rep");
            ldap.disableAccount("L701");

            List<AccountState> listed = new java.util.ArrayList<>();
            ldap.listAccounts(listed::add);

            Map<String, AccountState> byName = listed.stream().collect(java.util.stream.Collectors.toMap(AccountState::accountName, a -> a, (a, b) -> a));
            assertThat(byName).containsKeys("L700", "L701", "L702", "L703", "L704", "L706");
            assertThat(byName.get("L700").entitlements()).containsExactlyInAnyOrder("crm:rep", "vpn:user");
            assertThat(byName.get("L700").attributes()).containsEntry(AccountSpec.EMAIL, "l700@example.com").containsEntry(AccountSpec.DEPARTMENT, "Finance");
            assertThat(byName.get("L701").disabled()).as("moved to the disabled unit, which is listed too").isTrue();
            assertThat(byName.get("L706").attributes()).containsEntry(AccountSpec.FAMILY_NAME, "*)(uid=*").containsEntry(AccountSpec.DEPARTMENT, "R&D, ()*");
            assertThat(byName.get("L706").entitlements()).containsExactly("crm:rep");
            assertThat(byName.get("L706").workerId()).isEqualTo("L706");
        }
    }

    @Test
    void missingPeopleBaseIsAPermanentFailure() {
        try (LdapConnector ldap = new LdapConnector("broken", new LdapSettings(slapd.url(), Slapd.ADMIN_DN, Slapd.ADMIN_PASSWORD,
                "ou=nowhere," + Slapd.BASE, "cn={application}-{entitlement},ou=groups," + Slapd.BASE, Map.of(),
                LdapSettings.DisableMode.REMOVE_MEMBERSHIPS, null, "cn=nobody", "employeeNumber", true, 500), 1)) {
            assertThatThrownBy(() -> ldap.createAccount(account("L800", "Nobody")))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isTransient()).isFalse());
        }
    }

    @Test
    void unreachableServerIsATransientFailure() {
        try (LdapConnector ldap = new LdapConnector("down", new LdapSettings("ldap://127.0.0.1:1", Slapd.ADMIN_DN, Slapd.ADMIN_PASSWORD,
                "ou=people," + Slapd.BASE, "cn={application}-{entitlement},ou=groups," + Slapd.BASE, Map.of(),
                LdapSettings.DisableMode.REMOVE_MEMBERSHIPS, null, "cn=nobody", "employeeNumber", true, 500), 1)) {
            assertThatThrownBy(() -> ldap.createAccount(account("L900", "Nobody")))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isTransient()).isTrue());
        }
    }
}
