package org.accessledger.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.identity.hr.HrEvent;
import org.accessledger.identity.hr.HrEventBatchReader;
import org.accessledger.identity.hr.HrEventResult;
import org.accessledger.identity.hr.HrEventSubmitter;
import org.accessledger.identity.snapshot.CurrentWorker;
import org.accessledger.identity.snapshot.SnapshotDiff;
import org.accessledger.identity.snapshot.WorkerSnapshot;
import org.accessledger.identity.view.CaughtUpWorkerViews;
import org.accessledger.platform.web.InvalidRequestException;
import org.accessledger.platform.web.ViewBehindException;
import org.springframework.http.ProblemDetail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The operations of one SCIM bulk request, in order: each User compared with the worker AccessLedger holds and the
 * difference sent as HR events through the same intake as the HR API. An operation that changes nothing sends nothing.
 */
final class ScimBulkUpload {

    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScimUsers users;
    private final CaughtUpWorkerViews views;
    private final HrEventBatchReader reader;
    private final HrEventSubmitter submitter;
    private final Clock clock;

    ScimBulkUpload(ScimUsers users, CaughtUpWorkerViews views, HrEventBatchReader reader, HrEventSubmitter submitter, Clock clock) {
        this.users = users;
        this.views = views;
        this.reader = reader;
        this.submitter = submitter;
        this.clock = clock;
    }

    /** The BulkResponse {@code Operations}; after {@code failOnErrors} failed operations (when set) the rest are not run. */
    ArrayNode run(JsonNode operations, Integer failOnErrors) {
        ArrayNode answers = JSON.createArrayNode();
        int failures = 0;
        for (JsonNode operation : operations) {
            ObjectNode answer = run(operation);
            answers.add(answer);
            if (!answer.path("status").asText().startsWith("2") && failOnErrors != null && ++failures >= failOnErrors) {
                break;
            }
        }
        return answers;
    }

    private ObjectNode run(JsonNode operation) {
        String bulkId = operation.path("bulkId").asText(null);
        ObjectNode answer = JSON.createObjectNode().put("method", operation.path("method").asText("POST"));
        if (bulkId != null) {
            answer.put("bulkId", bulkId);
        }
        if (!"POST".equals(operation.path("method").asText())) {
            return failed(answer, 400, "invalidSyntax", "method must be POST: the upload decides itself what each User changes");
        }
        if (!"/Users".equals(operation.path("path").asText())) {
            return failed(answer, 400, "invalidPath", "path must be /Users");
        }
        if (bulkId == null || bulkId.isBlank()) {
            return failed(answer, 400, "invalidSyntax", "bulkId is required: with the User's content it is the operation's idempotency key");
        }
        if (!operation.path("data").isObject()) {
            return failed(answer, 400, "invalidSyntax", "data must be a SCIM User object");
        }
        try {
            WorkerSnapshot worker = users.toWorker(operation.get("data"));
            CurrentWorker current = views.of(WorkerId.of(worker.workerId())).map(CurrentWorker::of).orElse(null);
            SnapshotDiff.Plan plan = new SnapshotDiff(digest(bulkId, operation.get("data")), LocalDate.now(clock)).of(worker, current);
            answer.put("location", "/api/v1/workers/" + worker.workerId());
            return plan.unchanged() ? answer.put("status", "200") : applied(answer, plan);
        } catch (ScimUsers.InvalidUserException e) {
            return failed(answer, 400, "invalidValue", e.getMessage());
        } catch (ViewBehindException e) {
            return failed(answer, 503, null, e.getMessage());
        }
    }

    private ObjectNode applied(ObjectNode answer, SnapshotDiff.Plan plan) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("events").addAll(plan.events());
        List<HrEvent> events;
        try {
            events = reader.read(body);
        } catch (InvalidRequestException e) {
            List<String> faults = e.errors().stream().map(error -> error.field() + " " + error.detail()).toList();
            return failed(answer, 400, "invalidValue", String.join("; ", faults));
        }
        List<HrEventResult> results = submitter.submitAll(events);
        List<String> done = new ArrayList<>();
        for (int index = 0; index < results.size(); index++) {
            HrEventResult result = results.get(index);
            String type = events.get(index).type().name();
            if (result.outcome() == HrEventResult.Outcome.REJECTED) {
                ProblemDetail problem = result.problem();
                ObjectNode error = failed(answer, problem.getStatus(), null, (done.isEmpty() ? "" : String.join(", ", done) + " applied; ")
                        + type + " refused: " + problem.getDetail());
                ((ObjectNode) error.get("response")).put("code", String.valueOf(problem.getProperties().get("code")));
                return error;
            }
            done.add(type);
        }
        boolean hired = done.contains("HIRE") || done.contains("REHIRE");
        return answer.put("status", hired ? "201" : "200");
    }

    private static ObjectNode failed(ObjectNode answer, int status, String scimType, String detail) {
        answer.put("status", String.valueOf(status));
        ObjectNode error = answer.putObject("response");
        error.putArray("schemas").add(ERROR_SCHEMA);
        error.put("status", String.valueOf(status));
        if (scimType != null) {
            error.put("scimType", scimType);
        }
        error.put("detail", detail);
        return answer;
    }

    private static String digest(String bulkId, JsonNode data) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((bulkId + "\n" + data).getBytes(StandardCharsets.UTF_8));
            return "scim:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
