package org.accessledger.connector.scim;

import org.accessledger.connector.spi.LocalGroupIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.accessledger.connector.spi.AccountSpec;
import org.accessledger.connector.spi.AccountState;
import org.accessledger.connector.spi.ConnectorException;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SCIM connector against a real SCIM 2.0 server (scimmy). */
class ScimConnectorTest {

    @TempDir
    static Path directory;
    static ScimServer server;
    static ScimConnector scim;

    @BeforeAll
    static void start() {
        server = ScimServer.start(directory);
        scim = new ScimConnector("saas-scim", new ScimSettings(server.baseUrl(), ScimServer.TOKEN, "{application}-{entitlement}",
                Map.of("chat:member", "Chat Members"), true), new LocalGroupIds());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static AccountSpec account(String workerId, String familyName) {
        return new AccountSpec(workerId, "Ada", familyName, workerId.toLowerCase() + "@example.com", "EMPLOYEE", "Finance", "E0001");
    }

    static JsonNode raw(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + ScimServer.TOKEN).header("Content-Type", "application/scim+json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        String answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(answer);
    }

    static JsonNode user(String userName) throws Exception {
        String filter = URLEncoder.encode("userName eq \"" + userName.replace("\\", "\\\\").replace("\"", "\\\"") + "\"", StandardCharsets.UTF_8);
        return raw("GET", "/Users?filter=" + filter, null).at("/Resources/0");
    }

    @Test
    void accountIsCreatedWithTheEnterpriseExtensionAndBroughtToTheSpecAgain() throws Exception {
        scim.createAccount(account("S100", "Lovelace"));
        scim.createAccount(account("S100", "King"));

        JsonNode user = user("S100");
        assertThat(user.at("/name/familyName").asText()).isEqualTo("King");
        assertThat(user.at("/emails/0/value").asText()).isEqualTo("s100@example.com");
        assertThat(user.get("active").asBoolean()).isTrue();
        JsonNode enterprise = user.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(enterprise.get("employeeNumber").asText()).isEqualTo("S100");
        assertThat(enterprise.get("department").asText()).isEqualTo("Finance");
        assertThat(user.get("externalId").asText()).isEqualTo("S100");
        assertThat(enterprise.has("manager")).as("E0001 has no user here to refer to").isFalse();
        assertThat(raw("GET", "/Users", null).get("Resources").findValuesAsText("userName").stream().filter("S100"::equals)).hasSize(1);
    }

    @Test
    void existingUserIsAdoptedOnConflict() throws Exception {
        raw("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"S200\",\"active\":false}");

        scim.createAccount(account("S200", "Hopper"));

        JsonNode user = user("S200");
        assertThat(user.get("active").asBoolean()).isTrue();
        assertThat(user.at("/name/familyName").asText()).isEqualTo("Hopper");
    }

    @Test
    void entitlementsAreGroupMembershipsByPatch() throws Exception {
        scim.createAccount(account("S300", "Turing"));
        scim.addEntitlement("S300", "crm:rep");
        scim.addEntitlement("S300", "crm:rep");
        scim.addEntitlement("S300", "chat:member");

        assertThat(scim.readAccount("S300").orElseThrow().entitlements()).containsExactlyInAnyOrder("crm:rep", "chat:member");
        String filter = URLEncoder.encode("displayName eq \"crm-rep\"", StandardCharsets.UTF_8);
        assertThat(raw("GET", "/Groups?filter=" + filter, null).at("/Resources/0/members").size()).isEqualTo(1);

        scim.removeEntitlement("S300", "crm:rep");
        scim.removeEntitlement("S300", "crm:rep");
        scim.removeEntitlement("S300", "never:held");
        scim.removeEntitlement("NOBODY", "crm:rep");

        assertThat(scim.readAccount("S300").orElseThrow().entitlements()).containsExactly("chat:member");
    }

    @Test
    void disableSetsActiveFalse() {
        scim.createAccount(account("S400", "Liskov"));
        scim.disableAccount("S400");
        scim.disableAccount("S400");

        AccountState state = scim.readAccount("S400").orElseThrow();
        assertThat(state.disabled()).isTrue();
        scim.createAccount(account("S400", "Liskov"));
        assertThat(scim.readAccount("S400").orElseThrow().disabled()).isFalse();
    }

    @Test
    void deleteRemovesTheUser() {
        scim.createAccount(account("S500", "Hamilton"));
        scim.deleteAccount("S500");
        scim.deleteAccount("S500");
        assertThat(scim.readAccount("S500")).isEmpty();
    }

    @Test
    void hostileNamesAreStoredLiterallyAndFiltersAreEscaped() throws Exception {
        String hostile = "O'Brien, Jr. (ops)* \" or 1 eq 1";
        scim.createAccount(new AccountSpec("S600", "Seán", hostile, "ob@example.com", "EMPLOYEE", "R&D \"x\" \\ or", null));

        assertThat(user("S600").at("/name/familyName").asText()).isEqualTo(hostile);
        // Worker ids cannot hold a quote; scimmy also refuses a quote escaped inside a filter value.
        assertThat(scim.readAccount("S600 or userName pr")).isEmpty();
        List<AccountState> listed = new java.util.ArrayList<>();
        scim.listAccounts(listed::add);
        assertThat(listed).filteredOn(account -> account.workerId().equals("S600")).singleElement()
                .satisfies(account -> assertThat(account.attributes()).containsEntry(AccountSpec.FAMILY_NAME, hostile)
                        .containsEntry(AccountSpec.DEPARTMENT, "R&D \"x\" \\ or").containsEntry(AccountSpec.EMAIL, "ob@example.com"));
    }

    @Test
    void unreachableServiceIsATransientFailure() {
        ScimConnector down = new ScimConnector("down", new ScimSettings("http://127.0.0.1:1/scim/v2", "x", "{application}-{entitlement}", Map.of(), true), new LocalGroupIds());
        assertThatThrownBy(() -> down.createAccount(account("S700", "Nobody")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isTransient()).isTrue());
    }

    @Test
    void wrongTokenIsAPermanentFailure() {
        ScimConnector refused = new ScimConnector("refused", new ScimSettings(server.baseUrl(), "wrong", "{application}-{entitlement}", Map.of(), true), new LocalGroupIds());
        assertThatThrownBy(() -> refused.createAccount(account("S800", "Nobody")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isTransient()).isFalse());
    }
}
