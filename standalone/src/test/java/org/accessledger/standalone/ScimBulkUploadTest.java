package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.accessledger.platform.time.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /scim/v2/bulkUpload} with payloads in the shape of Microsoft Entra's published bulkUpload samples. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScimBulkUploadTest {

    static final String SCIM_JSON = "application/scim+json";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;
    static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start(directory.resolve("data"), new MutableClock(Instant.parse("2026-12-07T10:00:00Z")),
                "--accessledger.scim-inbound.extension-namespace=urn:example:employee");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @Order(1)
    void coreAndEnterpriseUsersAreHiredTodayWithTheirManagerAndEachOperationAnswered() throws IOException {
        RunningApp.Response response = upload(sample("bulk-upload-core-and-enterprise.json"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith(SCIM_JSON);
        assertThat(response.body().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:BulkResponse");
        assertThat(response.body().get("Operations").findValuesAsText("status")).containsExactly("201", "201");
        assertThat(response.body().get("Operations").findValuesAsText("bulkId")).containsExactly("SC1001", "SC1002");
        JsonNode taro = worker("SC1002");
        assertThat(taro.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(taro.get("startDate").asText()).isEqualTo("2026-12-07");
        assertThat(taro.get("assignment").toString())
                .isEqualTo("{\"department\":\"Finance\",\"jobCode\":\"FIN-ANALYST\",\"location\":\"Bristol\",\"costCenter\":\"CC-100\",\"managerId\":\"SC1001\"}");
        assertThat(taro.get("email").asText()).isEqualTo("tnakamura@example.com");
    }

    @Test
    @Order(2)
    void theSameRequestAgainChangesNothing() throws IOException {
        long before = eventCount("SC1001");

        RunningApp.Response response = upload(sample("bulk-upload-core-and-enterprise.json"));

        assertThat(response.body().get("Operations").findValuesAsText("status")).containsExactly("200", "200");
        assertThat(eventCount("SC1001")).isEqualTo(before);
    }

    @Test
    @Order(3)
    void theCustomNamespaceCarriesTheHireDateContractEndAndJobCode() throws IOException {
        RunningApp.Response response = upload(sample("bulk-upload-custom-namespace.json"));

        assertThat(response.body().at("/Operations/0/status").asText()).isEqualTo("201");
        JsonNode ada = worker("SC2001");
        assertThat(ada.get("status").asText()).isEqualTo("PRE_HIRE");
        assertThat(ada.get("workerType").asText()).isEqualTo("CONTRACTOR");
        assertThat(ada.get("startDate").asText()).isEqualTo("2026-12-14");
        assertThat(ada.get("endDate").asText()).isEqualTo("2027-06-30");
        assertThat(ada.at("/assignment/jobCode").asText()).isEqualTo("ENG-DEV");
    }

    @Test
    @Order(4)
    void anUpdatedUserMovesTheWorkerAndAnInactiveOneEndsTheEmployment() throws IOException {
        ObjectNode request = sample("bulk-upload-core-and-enterprise.json");
        ObjectNode maria = (ObjectNode) request.at("/Operations/0/data");
        ((ObjectNode) maria.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")).put("department", "Engineering");
        maria.put("title", "ENG-DEV");
        ((ObjectNode) request.at("/Operations/1/data")).put("active", false);

        RunningApp.Response response = upload(request);

        assertThat(response.body().get("Operations").findValuesAsText("status")).containsExactly("200", "200");
        assertThat(worker("SC1001").at("/assignment/department").asText()).isEqualTo("Engineering");
        JsonNode scheduled = worker("SC1002").get("scheduled");
        assertThat(scheduled.findValuesAsText("type")).containsExactly("TERMINATION");
        assertThat(scheduled.get(0).get("reason").asText()).isEqualTo("inactive in the HR system");
    }

    @Test
    @Order(5)
    void aRefusedOperationCarriesTheHrApisProblemCodeAndTheOthersStillRun() throws IOException {
        ObjectNode request = sample("bulk-upload-core-and-enterprise.json");
        ObjectNode copy = (ObjectNode) request.at("/Operations/0/data");
        copy.put("externalId", "SC1003");
        ((ObjectNode) request.withArray("Operations").get(0)).put("bulkId", "SC1003");
        ((ObjectNode) request.withArray("Operations").get(1)).put("method", "PATCH");

        JsonNode operations = upload(request).body().get("Operations");

        assertThat(operations.at("/0/status").asText()).isEqualTo("422");
        assertThat(operations.at("/0/response/code").asText()).isEqualTo("DUPLICATE_IDENTITY");
        assertThat(operations.at("/0/response/schemas/0").asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(operations.at("/1/status").asText()).isEqualTo("400");
        assertThat(operations.at("/1/response/detail").asText()).contains("method must be POST");
        assertThat(app.asAuditor("/api/v1/workers/SC1003").status()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void aUserThatDescribesNoWorkerIsRefusedNamingEveryAttribute() throws IOException {
        ObjectNode request = sample("bulk-upload-core-and-enterprise.json");
        ObjectNode user = (ObjectNode) request.at("/Operations/0/data");
        user.put("externalId", "not an id").put("timezone", "+05:30").put("userType", "Robot");
        user.remove("name");
        request.put("failOnErrors", 1);

        JsonNode operations = upload(request).body().get("Operations");

        assertThat(operations).hasSize(1);
        assertThat(operations.at("/0/response/scimType").asText()).isEqualTo("invalidValue");
        assertThat(operations.at("/0/response/detail").asText()).contains("externalId", "name.givenName is required", "timezone must be an IANA name",
                "userType \"Robot\"");
    }

    @Test
    @Order(7)
    void theEnvelopeIsCheckedBeforeAnyOperation() throws IOException {
        ObjectNode tooMany = sample("bulk-upload-core-and-enterprise.json");
        ArrayNode operations = tooMany.withArray("Operations");
        while (operations.size() <= 50) {
            operations.add(operations.get(0).deepCopy());
        }
        ObjectNode noSchema = sample("bulk-upload-core-and-enterprise.json");
        noSchema.remove("schemas");

        assertThat(upload(tooMany).status()).isEqualTo(413);
        assertThat(upload(noSchema).body().get("detail").asText()).contains("schemas must include urn:ietf:params:scim:api:messages:2.0:BulkRequest");
        assertThat(app.postAsHr("/scim/v2/bulkUpload", "application/json", sample("bulk-upload-core-and-enterprise.json").toString()).status())
                .isEqualTo(415);
        assertThat(app.postAsHr("/scim/v2/bulkUpload", SCIM_JSON, "{\"schemas\": [").status()).isEqualTo(400);
    }

    private static RunningApp.Response upload(JsonNode request) {
        return app.postAsHr("/scim/v2/bulkUpload", SCIM_JSON, request.toString());
    }

    private static ObjectNode sample(String name) throws IOException {
        try (InputStream in = ScimBulkUploadTest.class.getResourceAsStream("/scim/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static JsonNode worker(String workerId) {
        return app.asAuditor("/api/v1/workers/" + workerId).body();
    }

    private static long eventCount(String workerId) {
        return app.lifecycleHistory(workerId).size();
    }
}
