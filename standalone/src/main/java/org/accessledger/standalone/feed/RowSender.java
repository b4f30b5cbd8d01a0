package org.accessledger.standalone.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import me.tongfei.progressbar.ProgressBar;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.accessledger.standalone.feed.ImportReport.Outcome.*;

/**
 * Gathers the rows of an import until a batch is full, sends it and records each row's outcome. A row's events always
 * travel in one request, so a row is sent whole or not at all.
 */
final class RowSender {

    /** A row of the file ({@code line} null for a worker the file does not list) and the events it needs. */
    record Row(Long line, String workerId, List<ObjectNode> events, List<String> notes) {
    }

    private final AccessLedgerClient client;
    private final int batchSize;
    private final ImportReport outcomes;
    private final ProgressBar progress;
    private final List<Row> batch = new ArrayList<>();
    private int batchEvents;
    private long sent;

    RowSender(AccessLedgerClient client, int batchSize, ImportReport outcomes, ProgressBar progress) {
        this.client = client;
        this.batchSize = batchSize;
        this.outcomes = outcomes;
        this.progress = progress;
    }

    long sent() {
        return sent;
    }

    void queue(Row row) throws IOException, InterruptedException {
        if (row.events().isEmpty()) {
            outcomes.add(row.line(), row.workerId(), row.line() == null ? NOT_LISTED : UNCHANGED, List.of(), row.notes());
            step(row);
            return;
        }
        if (batchEvents + row.events().size() > batchSize) {
            flush();
        }
        batch.add(row);
        batchEvents += row.events().size();
    }

    void flush() throws IOException, InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        try {
            record(batch, client.post(batch.stream().flatMap(row -> row.events().stream()).toList()));
        } catch (AccessLedgerClient.RefusedException refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            if (batch.size() == 1) {
                refuse(batch.get(0), refused);
            } else {
                // One row broke the contract and the request was refused whole: send the rows one by one to find it.
                for (Row row : batch) {
                    sendAlone(row);
                }
            }
        }
        batch.clear();
        batchEvents = 0;
    }

    private void sendAlone(Row row) throws IOException, InterruptedException {
        try {
            record(List.of(row), client.post(row.events()));
        } catch (AccessLedgerClient.RefusedException refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            refuse(row, refused);
        }
    }

    private void refuse(Row row, AccessLedgerClient.RefusedException refused) {
        List<String> details = new ArrayList<>(row.notes());
        refused.problem().path("errors").forEach(error -> details.add(error.path("field").asText() + ": " + error.path("detail").asText()));
        outcomes.add(row.line(), row.workerId(), REJECTED, types(row), details);
        step(row);
    }

    private void record(List<Row> rows, List<JsonNode> results) {
        int next = 0;
        for (Row row : rows) {
            List<String> details = new ArrayList<>(row.notes());
            boolean rejected = false;
            for (ObjectNode event : row.events()) {
                JsonNode result = results.get(next++);
                sent++;
                String outcome = result.path("outcome").asText();
                if ("REJECTED".equals(outcome)) {
                    rejected = true;
                    details.add(event.path("type").asText() + " " + result.at("/problem/code").asText() + ": " + result.at("/problem/detail").asText());
                } else if ("DUPLICATE".equals(outcome)) {
                    details.add(event.path("type").asText() + " already sent (DUPLICATE)");
                }
            }
            outcomes.add(row.line(), row.workerId(), rejected ? REJECTED : APPLIED, types(row), details);
            step(row);
        }
    }

    private void step(Row row) {
        if (row.line() != null) {
            progress.step();
        }
        progress.setExtraMessage(" " + sent + " HR events sent");
    }

    private static List<String> types(Row row) {
        return row.events().stream().map(event -> event.path("type").asText()).toList();
    }
}
