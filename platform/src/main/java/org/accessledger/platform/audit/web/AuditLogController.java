package org.accessledger.platform.audit.web;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.platform.audit.AuditLog;
import org.accessledger.platform.audit.AuditVerifications;
import org.accessledger.platform.audit.log.CheckpointStore.StoredCheckpoint;
import org.accessledger.platform.audit.log.StoredEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.accessledger.platform.web.FieldProblem;
import org.accessledger.platform.web.InvalidRequestException;
import org.accessledger.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Base64;
import java.util.List;

/** Checkpoints, the key that signs them and RFC 9162 proofs, for an auditor who trusts none of this server's answers. */
@RestController
public class AuditLogController {

    private static final int MAX_CHECKPOINTS = 1000;
    private static final int EXPORT_PAGE = 1000;
    private static final String NDJSON = "application/x-ndjson";

    /** A proof: its hashes in base64, as transparency-dev's tools and the C2SP formats write them. */
    public record InclusionProof(String eventId, long leafIndex, long treeSize, String rootHash, List<String> proof) {
    }

    public record ConsistencyProof(long from, long to, String fromRootHash, String toRootHash, List<String> proof) {
    }

    public record Checkpoints(List<StoredCheckpoint> checkpoints) {
    }

    private final AuditLog log;
    private final AuditVerifications verifications;
    private final ObjectMapper json;

    public AuditLogController(AuditLog log, AuditVerifications verifications, ObjectMapper json) {
        this.log = log;
        this.verifications = verifications;
        this.json = json;
    }

    @GetMapping(path = "/api/v1/audit/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    public String latestCheckpoint() {
        return log.checkpoints().latest().map(StoredCheckpoint::note)
                .orElseThrow(() -> new NotFoundException(ErrorCode.NOT_FOUND, "The audit log has no checkpoint yet"));
    }

    @GetMapping(path = "/api/v1/audit/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    public Checkpoints checkpoints(@RequestParam(defaultValue = "0") long from,
                                   @RequestParam(defaultValue = "100") int limit) {
        require(limit >= 1 && limit <= MAX_CHECKPOINTS, "limit", "range", "limit is 1 to " + MAX_CHECKPOINTS);
        return new Checkpoints(log.checkpoints().from(from, limit));
    }

    @PostMapping(path = "/api/v1/audit/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public StoredCheckpoint checkpointNow() {
        return log.checkpointNow();
    }

    @PostMapping(path = "/api/v1/audit/verifications", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public AuditVerifications.Run startVerification() {
        return verifications.start();
    }

    @GetMapping(path = "/api/v1/audit/verifications/{verificationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public AuditVerifications.Run verification(@PathVariable String verificationId) {
        return verifications.find(verificationId).orElseThrow(() -> new NotFoundException(ErrorCode.NOT_FOUND,
                "No verification " + verificationId + " (runs are kept in memory since the last start)"));
    }

    @GetMapping(path = "/api/v1/audit/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    public String publicKey() {
        return log.verifierKey().encoded() + "\n";
    }

    /** The log's events as stored, one JSON object per line in leaf order; payload and metaData in base64. */
    @GetMapping(path = "/api/v1/audit/events", produces = NDJSON)
    public StreamingResponseBody events(@RequestParam(defaultValue = "0") long from, @RequestParam(required = false) Long to) {
        require(from >= 0, "from", "minimum", "from is a leaf index, at least 0");
        long end = to == null ? log.size() : to;
        require(end >= from, "to", "not-before-from", "to is at least from");
        return out -> {
            long next = from;
            while (next < end) {
                List<StoredEvent> page = log.events(next, (int) Math.min(EXPORT_PAGE, end - next));
                if (page.isEmpty()) {
                    break;
                }
                for (StoredEvent event : page) {
                    out.write(json.writeValueAsBytes(event));
                    out.write('\n');
                }
                next += page.size();
            }
        };
    }

    @GetMapping(path = "/api/v1/audit/proofs/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    public InclusionProof inclusion(@RequestParam String eventId, @RequestParam long treeSize) {
        requireReachedSize(treeSize, "treeSize");
        long leafIndex = log.leafIndexOf(eventId).orElseThrow(() -> new NotFoundException(ErrorCode.NOT_FOUND,
                "The audit log holds no event " + eventId + " (yet: it follows the event store within a poll)"));
        require(leafIndex < treeSize, "treeSize", "includes-event",
                "The event is leaf " + leafIndex + ", after the first " + treeSize + " leaves");
        return new InclusionProof(eventId, leafIndex, treeSize, base64(log.tree().root(treeSize)),
                log.tree().inclusionProof(leafIndex, treeSize).stream().map(AuditLogController::base64).toList());
    }

    @GetMapping(path = "/api/v1/audit/proofs/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    public ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) {
        require(from >= 1, "from", "minimum", "from is at least 1: the empty tree is a prefix of every tree");
        require(to >= from, "to", "not-before-from", "to is at least from");
        requireReachedSize(to, "to");
        return new ConsistencyProof(from, to, base64(log.tree().root(from)), base64(log.tree().root(to)),
                log.tree().consistencyProof(from, to).stream().map(AuditLogController::base64).toList());
    }

    private void requireReachedSize(long size, String field) {
        require(size >= 1, field, "minimum", field + " is at least 1");
        long reached = log.size();
        require(size <= reached, field, "reached", "The log has " + reached + " leaves; " + field + " is " + size);
    }

    private static void require(boolean holds, String field, String rule, String detail) {
        if (!holds) {
            throw new InvalidRequestException(ErrorCode.INVALID_FIELD, List.of(new FieldProblem(field, rule, detail)));
        }
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
