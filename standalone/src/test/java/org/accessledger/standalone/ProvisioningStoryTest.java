package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import org.accessledger.connector.testservers.ScimServer;
import org.accessledger.connector.testservers.Slapd;
import org.accessledger.platform.time.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.accessledger.standalone.HrEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Access decisions carried into a real OpenLDAP and a real SCIM 2.0 server, through failures, outages and replays. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvisioningStoryTest {

    static final String PEOPLE = "ou=people," + Slapd.BASE;
    static final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    @TempDir
    static Path directory;
    static Slapd slapd;
    static ScimServer scim;
    static RunningApp app;

    @BeforeAll
    static void start() throws Exception {
        java.nio.file.Files.createDirectories(directory.resolve("slapd"));
        java.nio.file.Files.createDirectories(directory.resolve("scim"));
        slapd = Slapd.start(directory.resolve("slapd"));
        scim = ScimServer.start(directory.resolve("scim"));
        String ldap = "--accessledger.targets.corp-ldap.";
        String scimTarget = "--accessledger.targets.saas-scim.";
        String broken = "--accessledger.targets.contractor-ldap.";
        app = RunningApp.start(directory.resolve("data"), clock, "--accessledger.provisioning.redelivery-interval=PT1S",
                ldap + "type=ldap", ldap + "url=" + slapd.url(), ldap + "bind-dn=" + Slapd.ADMIN_DN, ldap + "bind-password=" + Slapd.ADMIN_PASSWORD,
                ldap + "people-base=" + PEOPLE, ldap + "group-dn-template=cn={application}-{entitlement},ou=groups," + Slapd.BASE,
                ldap + "retry.max-attempts=4", ldap + "retry.initial-backoff=100ms", ldap + "retry.max-backoff=500ms", ldap + "concurrency=2",
                scimTarget + "type=scim", scimTarget + "base-url=" + scim.baseUrl(), scimTarget + "token=" + ScimServer.TOKEN,
                scimTarget + "entitlements=crm:*,chat:*",
                broken + "type=ldap", broken + "url=" + slapd.url(), broken + "bind-dn=" + Slapd.ADMIN_DN, broken + "bind-password=" + Slapd.ADMIN_PASSWORD,
                broken + "people-base=ou=contractors," + Slapd.BASE, broken + "entitlements=vpn:*",
                broken + "group-dn-template=cn=contractor-{application}-{entitlement},ou=groups," + Slapd.BASE);
    }

    @AfterAll
    static void stop() {
        app.close();
        scim.close();
        slapd.close();
    }

    @Test
    @Order(0)
    void eachTargetProvisionsWithTheSegmentsItsConcurrencyAsks() {
        // A processor stores its segments when its coordinator first runs, just after the app has started.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(app.asAuditor("/api/v1/targets").body().findParents("name"))
                .extracting(target -> target.get("name").asText() + " " + target.get("concurrency").asInt() + "/" + target.get("segments").asInt())
                .containsExactlyInAnyOrder("corp-ldap 2/2", "saas-scim 8/8", "contractor-ldap 8/8"));
    }

    @Test
    @Order(1)
    void joinerGetsAnAccountAndGroupsInBothTargets() throws Exception {
        accept(hireInto("p-1", "J100", "2026-11-02", "Sales", "SALES-REP", "CC-200"));

        awaitLdapGroups("J100", "chat-member", "crm-sales-rep", "email-mailbox", "hr-portal-self-service");
        SearchResultEntry account = ldapAccount("J100");
        assertThat(account.getAttributeValue("mail")).isEqualTo("j100@example.com");
        assertThat(account.getAttributeValue("departmentNumber")).isEqualTo("Sales");
        awaitScimGroups("J100", "chat-member", "crm-sales-rep");
        assertThat(scimUser("J100").get("active").asBoolean()).isTrue();

        // The account view is a read model: it follows the recorded outcomes shortly after the target has changed.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode view = app.asAuditor("/api/v1/targets/saas-scim/accounts/J100").body();
            assertThat(set(view.at("/desired/entitlements"))).isEqualTo(set(view.at("/actual/entitlements")))
                    .containsExactlyInAnyOrder("chat:member", "crm:sales-rep");
            assertThat(view.at("/actual/exists").asBoolean()).isTrue();
        });
        assertThat(operationCounts()).as("the account is created once, not once per granted entitlement")
                .contains("accessledger_provisioning_operations_total{operation=\"create_account\",outcome=\"success\",target=\"corp-ldap\"} 1.0",
                        "accessledger_provisioning_operations_total{operation=\"add_entitlement\",outcome=\"success\",target=\"corp-ldap\"} 4.0");
    }

    @Test
    @Order(2)
    void moverLosesOldMembershipsAndGainsNewOnes() throws Exception {
        accept(changeAssignment("p-2", "J100", "2026-11-21", "{\"department\":\"Finance\",\"jobCode\":\"FIN-ANALYST\"}"));

        awaitLdapGroups("J100", "chat-member", "email-mailbox", "erp-user", "hr-portal-self-service", "payroll-viewer");
        assertThat(ldapAccount("J100").getAttributeValue("departmentNumber")).isEqualTo("Finance");
        awaitScimGroups("J100", "chat-member");
    }

    @Test
    @Order(3)
    void leaverIsDisabledInBothTargetsAndEnabledAgainWhenRehired() throws Exception {
        String ldapRemovalsBefore = operationCount("remove_entitlement", "corp-ldap");

        accept(terminate("p-3", "J100", "2026-11-20"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(ldapAccount("J100").getAttributeValue("description")).isEqualTo("accessledger:disabled"));
        awaitLdapGroups("J100");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(existingScimUser("J100").get("active").asBoolean()).isFalse());
        awaitScimGroups("J100");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(app.asAuditor("/api/v1/targets").body().findValuesAsText("caughtUp")).containsOnly("true"));
        assertThat(operationCount("remove_entitlement", "corp-ldap"))
                .as("the LDAP disable left every group, so the revocations after it ask slapd nothing").isEqualTo(ldapRemovalsBefore);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode view = app.asAuditor("/api/v1/targets/corp-ldap/accounts/J100").body();
            assertThat(view.at("/desired/account").asText()).isEqualTo("DISABLED");
            assertThat(view.at("/actual/disabled").asBoolean()).isTrue();
        });

        accept(rehire("p-3-rehire", "J100", "2026-11-21", "j100@example.com"));

        awaitLdapGroups("J100", "chat-member", "email-mailbox", "erp-user", "hr-portal-self-service", "payroll-viewer");
        assertThat(ldapAccount("J100").getAttributeValue("description")).isNull();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(existingScimUser("J100").get("active").asBoolean()).isTrue());
    }

    @Test
    @Order(4)
    void hostileNamesAreStoredLiterally() throws Exception {
        String hostile = "O'Brien, Jr. (ops)*";
        accept(hireInto("p-4", "H100", "2026-11-02", "Sales", "SALES-REP", "CC-200").replace("\"Lovelace\"", "\"" + hostile + "\""));

        awaitLdapGroups("H100", "chat-member", "crm-sales-rep", "email-mailbox", "hr-portal-self-service");
        assertThat(ldapAccount("H100").getAttributeValue("sn")).isEqualTo(hostile);
        try (LDAPConnection connection = slapd.connect()) {
            assertThat(connection.search(PEOPLE, SearchScope.ONE, Filter.createEqualityFilter("sn", hostile)).getEntryCount()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(existingScimUser("H100").at("/name/familyName").asText()).isEqualTo(hostile));
    }

    @Test
    @Order(5)
    void permanentFailureIsParkedVisiblyAndARetryAfterTheFixSucceeds() throws Exception {
        accept(hireInto("p-5", "P100", "2026-11-02", "Legal", "LEGAL-1", "CC-300").replace("\"London\"", "\"Lisbon\""));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deadLettersFor("P100")).hasSize(1));
        JsonNode letter = deadLettersFor("P100").get(0);
        assertThat(letter.get("group").asText()).isEqualTo("provisioning-contractor-ldap");
        assertThat(letter.get("cause").asText()).contains("no such object");
        awaitLdapGroups("P100", "chat-member", "email-mailbox", "hr-portal-self-service", "vpn-user");
        assertThat(app.get("/actuator/prometheus", null, null).body().asText())
                .contains("accessledger_dead_letters{group=\"provisioning-contractor-ldap\"} 1.0");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                app.asAuditor("/api/v1/targets/contractor-ldap/accounts/P100").body().at("/lastFailure/operation").asText())
                .isEqualTo("CREATE_ACCOUNT"));

        try (LDAPConnection connection = slapd.connect()) {
            connection.add("dn: ou=contractors," + Slapd.BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: contractors");
        }
        RunningApp.Response retried = app.send("POST", "/api/v1/dead-letters/" + letter.get("id").asText() + "/retry", "application/json", "");

        assertThat(retried.body().get("succeeded").asBoolean()).as(retried.body().toString()).isTrue();
        assertThat(deadLettersFor("P100")).isEmpty();
        try (LDAPConnection connection = slapd.connect()) {
            assertThat(connection.getEntry("uid=P100,ou=contractors," + Slapd.BASE)).isNotNull();
            assertThat(connection.getEntry("cn=contractor-vpn-user,ou=groups," + Slapd.BASE).getAttributeValues("member"))
                    .contains("uid=P100,ou=contractors," + Slapd.BASE);
        }
    }

    @Test
    @Order(6)
    void pausedTargetKeepsItsWorkAndCatchesUpWhenResumed() throws Exception {
        assertThat(app.send("POST", "/api/v1/targets/saas-scim/pause", "application/json", "").body().get("running").asBoolean()).isFalse();
        accept(hireInto("p-6", "Q100", "2026-11-02", "Sales", "SALES-REP", "CC-200"));
        awaitLdapGroups("Q100", "chat-member", "crm-sales-rep", "email-mailbox", "hr-portal-self-service");
        assertThat(scimUser("Q100")).isNull();

        assertThat(app.send("POST", "/api/v1/targets/saas-scim/resume", "application/json", "").body().get("running").asBoolean()).isTrue();
        awaitScimGroups("Q100", "chat-member", "crm-sales-rep");
    }

    @Test
    @Order(7)
    void targetStoppedDuringABurstConvergesWithNothingLost() throws Exception {
        slapd.stop();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            events.add(hireInto("burst-h" + i, "B" + (1000 + i), "2026-11-02", i % 2 == 0 ? "Sales" : "Finance", "X-1", "CC-1"));
        }
        for (int i = 0; i < 80; i++) {
            events.add(changeAssignment("burst-m" + i, "B" + (1000 + i), "2026-11-21", i % 2 == 0 ? "{\"department\":\"Finance\"}" : "{\"department\":\"Sales\"}"));
        }
        RunningApp.Response posted = app.postHrEvents(batch(events.toArray(String[]::new)));
        assertThat(posted.body().findValuesAsText("outcome")).hasSize(200).containsOnly("ACCEPTED");
        JsonNode ldapTarget = app.asAuditor("/api/v1/targets").body().findParents("name").stream()
                .filter(target -> target.get("name").asText().equals("corp-ldap")).findFirst().orElseThrow();
        assertThat(ldapTarget.get("caughtUp").asBoolean()).as("caught up although 200 changes wait").isFalse();
        assertThat(ldapTarget.get("eventsBehind").asLong()).isPositive();
        slapd.restart();

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (int i = 0; i < 120; i++) {
                boolean finance = i < 80 ? i % 2 == 0 : i % 2 == 1;
                Set<String> expected = new TreeSet<>(List.of("chat-member", "email-mailbox", "hr-portal-self-service"));
                expected.addAll(finance ? List.of("erp-user", "payroll-viewer") : List.of("crm-sales-rep"));
                assertThat(ldapGroups("B" + (1000 + i))).as("B" + (1000 + i)).isEqualTo(expected);
            }
        });
        assertThat(app.asAuditor("/api/v1/dead-letters").body()).isEmpty();
    }

    @Test
    @Order(8)
    void replayingEveryReadModelCallsNoTarget() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(app.asAuditor("/api/v1/targets").body().findValuesAsText("caughtUp")).containsOnly("true"));
        int scimRequests = scim.requestsReceived();
        String operationsBefore = operationCounts();
        for (String projection : List.of("worker-view", "access-current", "entitlement-holders", "approvals", "access-changes", "target-accounts")) {
            assertThat(app.send("POST", "/api/v1/admin/replay/" + projection, "application/json", "").status()).as(projection).isEqualTo(202);
        }
        for (String provisioning : List.of("provisioning-corp-ldap", "provisioning-saas-scim", "access-decisions")) {
            assertThat(app.send("POST", "/api/v1/admin/replay/" + provisioning, "application/json", "").status()).as(provisioning).isEqualTo(404);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(app.asAuditor("/api/v1/targets/corp-ldap/accounts/B1119").status()).isEqualTo(200);
            assertThat(app.asAuditor("/api/v1/workers/B1119").status()).isEqualTo(200);
        });
        assertThat(scim.requestsReceived()).isEqualTo(scimRequests);
        assertThat(operationCounts()).isEqualTo(operationsBefore);
        assertThat(app.get("/actuator/prometheus", null, null).body().asText())
                .contains("accessledger_time_to_provision_seconds_count{target=\"corp-ldap\"}")
                .contains("accessledger_time_to_revoke_seconds_count{target=\"saas-scim\"}");
    }

    @Test
    @Order(9)
    void aReportHiredBeforeTheirManagerGetsTheManagersScimIdWhenTheManagerJoins() throws Exception {
        accept(hireInto("p-9-report", "R900", "2026-11-02", "Sales", "SALES-REP", "CC-200").replace("\"managerId\":\"E0001\"", "\"managerId\":\"M900\""));
        awaitScimGroups("R900", "chat-member", "crm-sales-rep");

        accept(hireInto("p-9-manager", "M900", "2026-11-02", "Sales", "SALES-REP", "CC-200"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode manager = existingScimUser("R900").at("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/manager");
            assertThat(manager.path("value").asText()).isEqualTo(existingScimUser("M900").get("id").asText());
        });
        assertThat(ldapAccount("R900").getAttributeValue("manager")).isEqualTo("uid=M900," + PEOPLE);
    }

    @Test
    @Order(10)
    void aHireWhoseIdDiffersOnlyInCaseIsRejectedAndTheFirstWorkersAccountsStayAsTheyWere() throws Exception {
        accept(hireInto("p-10-first", "SU.1002-x", "2026-11-02", "Sales", "SALES-REP", "CC-200"));
        awaitScimGroups("SU.1002-x", "chat-member", "crm-sales-rep");

        JsonNode answer = app.postHrEvents(hire("p-10-second", "su.1002-X", "2026-11-02", "second@example.com")).body().at("/results/0");

        assertThat(answer.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(answer.at("/problem/code").asText()).isEqualTo("WORKER_ID_CASE_COLLISION");
        assertThat(answer.at("/problem/field").asText()).isEqualTo("workerId");
        assertThat(app.asAuditor("/api/v1/workers/su.1002-X").status()).isEqualTo(404);
        assertThat(existingScimUser("SU.1002-x").get("userName").asText()).isEqualTo("SU.1002-x");
        assertThat(ldapAccount("SU.1002-x").getAttributeValue("mail")).isEqualTo("su.1002-x@example.com");
    }

    static String operationCounts() {
        return operationSeries().sorted().toList().toString();
    }

    static String operationCount(String operation, String target) {
        String series = "accessledger_provisioning_operations_total{operation=\"" + operation + "\",outcome=\"success\",target=\"" + target + "\"}";
        return operationSeries().filter(line -> line.startsWith(series + " ")).findFirst().orElse(series + " absent");
    }

    private static Stream<String> operationSeries() {
        return app.get("/actuator/prometheus", null, null).body().asText().lines()
                .filter(line -> line.startsWith("accessledger_provisioning_operations_total"));
    }

    static void accept(String event) {
        RunningApp.Response response = app.postHrEvents(event);
        assertThat(response.body().at("/results/0/outcome").asText()).as(response.body().toString()).isEqualTo("ACCEPTED");
    }

    static SearchResultEntry ldapAccount(String workerId) throws Exception {
        try (LDAPConnection connection = slapd.connect()) {
            return connection.getEntry("uid=" + workerId + "," + PEOPLE);
        }
    }

    static Set<String> ldapGroups(String workerId) throws Exception {
        Set<String> groups = new TreeSet<>();
        try (LDAPConnection connection = slapd.connect()) {
            connection.search("ou=groups," + Slapd.BASE, SearchScope.ONE, Filter.createEqualityFilter("member", "uid=" + workerId + "," + PEOPLE), "cn")
                    .getSearchEntries().forEach(group -> groups.add(group.getAttributeValue("cn")));
        }
        return groups;
    }

    static void awaitLdapGroups(String workerId, String... groups) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ldapGroups(workerId)).containsExactlyInAnyOrder(groups));
    }

    static JsonNode scimGet(String path) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(scim.baseUrl() + path))
                .header("Authorization", "Bearer " + ScimServer.TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(body);
    }

    static JsonNode scimUser(String workerId) throws Exception {
        JsonNode found = scimGet("/Users?filter=" + URLEncoder.encode("userName eq \"" + workerId + "\"", StandardCharsets.UTF_8));
        return found.get("totalResults").asInt() == 0 ? null : found.at("/Resources/0");
    }

    /** The worker's SCIM user; an assertion failure, which an await retries, while the user is not there yet. */
    static JsonNode existingScimUser(String workerId) throws Exception {
        JsonNode user = scimUser(workerId);
        assertThat(user).as("SCIM user " + workerId).isNotNull();
        return user;
    }

    static void awaitScimGroups(String workerId, String... groups) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode user = existingScimUser(workerId);
            JsonNode memberOf = scimGet("/Groups?filter=" + URLEncoder.encode("members.value eq \"" + user.get("id").asText() + "\"", StandardCharsets.UTF_8));
            assertThat(memberOf.get("Resources").findValuesAsText("displayName")).containsExactlyInAnyOrder(groups);
        });
    }

    static List<JsonNode> deadLettersFor(String workerId) {
        List<JsonNode> letters = new ArrayList<>();
        app.asAuditor("/api/v1/dead-letters").body().forEach(letter -> {
            if (workerId.equals(letter.path("workerId").asText())) {
                letters.add(letter);
            }
        });
        return letters;
    }

    static Set<String> set(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
