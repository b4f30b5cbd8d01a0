package org.accessledger.standalone.feed;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What each row of the snapshot became, and each worker it no longer lists; written as CSV with {@code --report}. */
final class ImportReport {

    enum Outcome {
        /** AccessLedger already holds what the row shows. */
        UNCHANGED,
        /** Every event the row needed was accepted (or had been: DUPLICATE). */
        APPLIED,
        /** The HR API refused an event of the row; the detail names its problem code. */
        REJECTED,
        /** The row could not be read; nothing was sent for it. */
        MALFORMED,
        /** A worker employed in AccessLedger whom the snapshot does not list, left as it is. */
        NOT_LISTED
    }

    record Entry(Long line, String workerId, Outcome outcome, String events, String detail) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);

    void add(Long line, String workerId, Outcome outcome, List<String> events, List<String> details) {
        entries.add(new Entry(line, workerId, outcome, String.join(" ", events), String.join("; ", details)));
        counts.merge(outcome, 1, Integer::sum);
    }

    int count(Outcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    String summary() {
        StringBuilder summary = new StringBuilder();
        for (Outcome outcome : Outcome.values()) {
            summary.append(summary.isEmpty() ? "" : ", ").append(count(outcome)).append(' ').append(outcome);
        }
        return summary.toString();
    }

    /** In the order of the file's lines, then the workers it does not list. */
    void write(Path file) throws IOException {
        entries.sort(Comparator.comparing(Entry::line, Comparator.nullsLast(Comparator.naturalOrder())));
        CsvMapper csv = new CsvMapper();
        CsvSchema schema = csv.schemaFor(Entry.class).withHeader().withColumnReordering(false)
                .sortedBy("line", "workerId", "outcome", "events", "detail");
        csv.writer(schema).writeValue(file.toFile(), entries);
    }
}
