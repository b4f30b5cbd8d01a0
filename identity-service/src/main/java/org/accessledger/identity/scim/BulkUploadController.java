package org.accessledger.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.accessledger.identity.hr.HrEventBatchReader;
import org.accessledger.identity.hr.HrEventSubmitter;
import org.accessledger.identity.view.CaughtUpWorkerViews;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * SCIM inbound in the shape of Microsoft Entra's API-driven provisioning: {@code POST /scim/v2/bulkUpload} takes an
 * RFC 7644 §3.7 BulkRequest of up to 50 User POSTs and answers a BulkResponse with each operation's status.
 */
@RestController
@EnableConfigurationProperties(ScimInboundProperties.class)
public class BulkUploadController {

    static final String SCIM_JSON = "application/scim+json";
    static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    static final String BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
    static final int MAX_OPERATIONS = 50;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScimBulkUpload upload;

    BulkUploadController(ScimInboundProperties properties, Clock clock, CaughtUpWorkerViews views, HrEventBatchReader reader,
                         HrEventSubmitter submitter) {
        this.upload = new ScimBulkUpload(new ScimUsers(properties, clock), views, reader, submitter, clock);
    }

    @PostMapping(path = "/scim/v2/bulkUpload", consumes = SCIM_JSON, produces = SCIM_JSON)
    public ResponseEntity<JsonNode> bulkUpload(@RequestBody JsonNode request) {
        if (!request.path("schemas").isArray() || !request.path("schemas").toString().contains("\"" + BULK_REQUEST + "\"")) {
            return error(400, "invalidSyntax", "schemas must include " + BULK_REQUEST);
        }
        JsonNode operations = request.path("Operations");
        if (!operations.isArray() || operations.isEmpty()) {
            return error(400, "invalidSyntax", "Operations must be an array of 1 to " + MAX_OPERATIONS + " operations");
        }
        if (operations.size() > MAX_OPERATIONS) {
            return error(413, "tooMany", "Operations holds " + operations.size() + " operations; at most " + MAX_OPERATIONS + " are allowed");
        }
        JsonNode failOnErrors = request.path("failOnErrors");
        if (!failOnErrors.isMissingNode() && !failOnErrors.isNull() && !(failOnErrors.isInt() && failOnErrors.asInt() > 0)) {
            return error(400, "invalidValue", "failOnErrors must be a positive whole number or null");
        }
        ObjectNode response = JSON.createObjectNode();
        response.putArray("schemas").add(BULK_RESPONSE);
        response.set("Operations", upload.run(operations, failOnErrors.isInt() ? failOnErrors.asInt() : null));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(SCIM_JSON)).body(response);
    }

    private static ResponseEntity<JsonNode> error(int status, String scimType, String detail) {
        ObjectNode error = JSON.createObjectNode();
        error.putArray("schemas").add(ScimBulkUpload.ERROR_SCHEMA);
        error.put("status", String.valueOf(status)).put("scimType", scimType).put("detail", detail);
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType(SCIM_JSON)).body(error);
    }
}
