package org.accessledger.connector.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.accessledger.connector.spi.AccountSpec;
import org.accessledger.connector.spi.ConnectorException;
import org.accessledger.connector.spi.LocalGroupIds;
import org.accessledger.connector.spi.TargetAnswer;
import org.accessledger.connector.testservers.ScimServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

/**
 * The SCIM connector against a server that behaves like many SaaS directories: userName matched ignoring case, two
 * groups may share a displayName, never a 409.
 */
class ScimInteropTest {

    @TempDir
    static Path directory;
    static ScimServer server;

    @BeforeAll
    static void start() {
        server = ScimServer.startLenient(directory);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ScimConnector connector() {
        return new ScimConnector("saas", new ScimSettings(server.baseUrl(), ScimServer.TOKEN, "{application}-{entitlement}", Map.of(), true),
                new LocalGroupIds());
    }

    static AccountSpec account(String workerId, String familyName, String managerId) {
        return new AccountSpec(workerId, "Ada", familyName, null, "EMPLOYEE", "Engineering", managerId);
    }

    @Test
    void twelveConcurrentFirstGrantsMakeOneGroup() throws Exception {
        ScimConnector scim = connector();
        List<String> workers = IntStream.range(0, 12).mapToObj(i -> "I1" + i).toList();
        inParallel(workers, worker -> scim.createAccount(account(worker, "Hire", null)));

        inParallel(workers, worker -> {
            assertThat(scim.addEntitlement(worker, "vpn:user")).isEqualTo(TargetAnswer.entitlement("vpn:user", true));
            scim.addEntitlement(worker, "git:developer");
        });

        for (String group : List.of("vpn-user", "git-developer")) {
            JsonNode found = groupsNamed(group);
            assertThat(found.size()).as(group).isEqualTo(1);
            assertThat(found.get(0).get("members").size()).as(group).isEqualTo(12);
        }
    }

    @Test
    void concurrentLeaversLeaveNoMembershipInAnyDuplicateGroup() throws Exception {
        List<String> workers = IntStream.range(0, 12).mapToObj(i -> "I2" + i).toList();
        ScimConnector scim = connector();
        inParallel(workers, worker -> scim.createAccount(account(worker, "Leaver", null)));
        List<String> userIds = workers.stream().map(ScimInteropTest::userId).toList();
        // Two groups of one name, made by hand or by an earlier version, each holding every worker.
        for (int copy = 0; copy < 2; copy++) {
            String members = String.join(",", userIds.stream().map(id -> "{\"value\":\"" + id + "\"}").toList());
            raw("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"chat-member\","
                    + "\"members\":[" + members + "]}");
        }
        assertThat(groupsNamed("chat-member").size()).isEqualTo(2);

        ScimConnector restarted = connector();
        assertThat(restarted.duplicateGroups()).as("reconciliation reports them").containsOnlyKeys("chat:member")
                .hasEntrySatisfying("chat:member", groups -> assertThat(groups).hasSize(2));
        inParallel(workers, worker -> assertThat(restarted.removeEntitlement(worker, "chat:member"))
                .isEqualTo(TargetAnswer.entitlement("chat:member", false)));

        for (JsonNode group : groupsNamed("chat-member")) {
            assertThat(group.path("members").size()).isZero();
        }
        assertThat(restarted.readAccount("I20").orElseThrow().entitlements()).isEmpty();
    }

    @Test
    void aCaseVariantWorkerIdNeverTakesOverTheFirstWorkersUser() throws Exception {
        ScimConnector scim = connector();
        scim.createAccount(account("SU.1002-x", "First", null));
        scim.addEntitlement("SU.1002-x", "crm:rep");

        for (Runnable change : List.<Runnable>of(() -> scim.createAccount(account("su.1002-X", "Second", null)),
                () -> scim.updateAccount(account("su.1002-X", "Second", null)), () -> scim.disableAccount("su.1002-X"),
                () -> scim.removeEntitlement("su.1002-X", "crm:rep"))) {
            assertThatThrownBy(change::run).isInstanceOfSatisfying(ConnectorException.class, e -> {
                assertThat(e.code()).isEqualTo(ConnectorException.ACCOUNT_OWNED_BY_OTHER_WORKER);
                assertThat(e.isTransient()).isFalse();
            });
        }

        JsonNode first = raw("GET", "/Users?filter=" + encode("userName eq \"SU.1002-x\""), null).at("/Resources/0");
        assertThat(first.get("userName").asText()).isEqualTo("SU.1002-x");
        assertThat(first.at("/name/familyName").asText()).isEqualTo("First");
        assertThat(first.get("active").asBoolean()).isTrue();
        assertThat(scim.readAccount("SU.1002-x").orElseThrow().entitlements()).containsExactly("crm:rep");
    }

    @Test
    void managerValueIsTheManagersScimIdOnceTheManagerHasAUser() throws Exception {
        ScimConnector scim = connector();
        scim.createAccount(account("I30", "Report", "I31"));
        assertThat(enterpriseOf("I30").has("manager")).isFalse();

        scim.createAccount(account("I31", "Manager", null));
        scim.updateAccount(account("I30", "Report", "I31"));

        JsonNode manager = enterpriseOf("I30").get("manager");
        assertThat(manager.get("value").asText()).isEqualTo(userId("I31")).isNotEqualTo("I31");
    }

    private static JsonNode enterpriseOf(String userName) throws Exception {
        return raw("GET", "/Users?filter=" + encode("userName eq \"" + userName + "\""), null)
                .at("/Resources/0").get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    }

    private static String userId(String userName) {
        try {
            return raw("GET", "/Users?filter=" + encode("userName eq \"" + userName + "\""), null).at("/Resources/0/id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode groupsNamed(String displayName) throws Exception {
        return raw("GET", "/Groups?filter=" + encode("displayName eq \"" + displayName + "\""), null).get("Resources");
    }

    private static String encode(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    private static JsonNode raw(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + ScimServer.TOKEN).header("Content-Type", "application/scim+json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return new ObjectMapper().readTree(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void inParallel(List<String> workers, Consumer<String> change) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(workers.size());
        try {
            List<Future<?>> changes = workers.stream().<Future<?>>map(worker -> threads.submit(() -> change.accept(worker))).toList();
            for (Future<?> done : changes) {
                done.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
