package org.accessledger.entitlement.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.platform.web.FieldProblem;
import org.accessledger.platform.web.Instants;
import org.accessledger.platform.web.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Exports the access decisions effective in a time range as CSV or NDJSON, streamed row by row; with {@code knownAt},
 * only those AccessLedger had recorded by then (what it believed at that instant, before later corrections).
 */
@RestController
public class AccessChangesController {

    static final String NDJSON = "application/x-ndjson";
    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema HEADER = CSV.schemaFor(AccessChange.class).withHeader();

    private final AccessChangesProjection changes;
    private final ObjectMapper objectMapper;

    public AccessChangesController(AccessChangesProjection changes, ObjectMapper objectMapper) {
        this.changes = changes;
        this.objectMapper = objectMapper;
    }

    @GetMapping(path = "/api/v1/audit/access-changes", produces = "text/csv")
    public ResponseEntity<StreamingResponseBody> csv(@RequestParam String from, @RequestParam String to,
                                                     @RequestParam(required = false) String knownAt) {
        Selection selection = Selection.of(from, to, knownAt);
        return stream("text/csv", output -> {
            try (SequenceWriter rows = CSV.writer(HEADER).writeValues(output)) {
                changes.forEachBetween(selection.from(), selection.to(), selection.knownAt(), row -> write(rows, row));
            }
        });
    }

    @GetMapping(path = "/api/v1/audit/access-changes", produces = NDJSON)
    public ResponseEntity<StreamingResponseBody> ndjson(@RequestParam String from, @RequestParam String to,
                                                     @RequestParam(required = false) String knownAt) {
        Selection selection = Selection.of(from, to, knownAt);
        return stream(NDJSON, output -> {
            try (SequenceWriter rows = objectMapper.writer().withRootValueSeparator("\n").writeValues(output)) {
                changes.forEachBetween(selection.from(), selection.to(), selection.knownAt(), row -> write(rows, row));
                output.write('\n');
            }
        });
    }

    private static ResponseEntity<StreamingResponseBody> stream(String mediaType, StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(mediaType)).body(body);
    }

    private static void write(SequenceWriter rows, AccessChange row) {
        try {
            rows.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The effective range asked and, when asked, the instant of knowledge. */
    private record Selection(Instant from, Instant to, Instant knownAt) {

        static Selection of(String from, String to, String knownAt) {
            Instant start = Instants.parse("from", from);
            Instant end = Instants.parse("to", to);
            if (!start.isBefore(end)) {
                throw new InvalidRequestException(ErrorCode.INVALID_FIELD, List.of(new FieldProblem("to", "after-from", "must be after from")));
            }
            return new Selection(start, end, knownAt == null ? null : Instants.parse("knownAt", knownAt));
        }
    }
}
