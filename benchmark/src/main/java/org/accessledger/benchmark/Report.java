package org.accessledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The run's figures, written to the JSON file after every phase, so a run cut short keeps what it measured and a run
 * stopped after a phase can be continued from its file. A phase under way is marked in the file: a run cut off inside
 * a phase has changed slapd's and the app's data past the last phase reported, so it cannot be continued.
 */
final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String UNFINISHED_PHASE = "unfinishedPhase";
    private static final String PEAK_RESIDENT_MEMORY = "peakResidentMemoryMiB";
    private static final String CODE_BY_PART = "codeByPart";

    private final Path file;
    private final ObjectNode figures;

    private Report(Path file, ObjectNode figures) {
        this.file = file;
        this.figures = figures;
    }

    static Report begin(Path file, int workers, long seed) {
        ObjectNode figures = JSON.createObjectNode();
        figures.putObject("machine").put("cores", Runtime.getRuntime().availableProcessors()).put("java", System.getProperty("java.version"));
        figures.put("workers", workers).put("seed", seed).put("parts", 1);
        return new Report(file, figures);
    }

    /** The report of a run stopped after a phase; the reason it cannot be continued otherwise. */
    static Report resume(Path file, int workers, long seed) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No report to resume at " + file.toAbsolutePath() + " (--output)");
        }
        ObjectNode figures = (ObjectNode) JSON.readTree(file.toFile());
        if (figures.has(UNFINISHED_PHASE)) {
            throw new IllegalArgumentException("The run was cut off during its " + figures.get(UNFINISHED_PHASE).asText()
                    + " phase, which changed the data after the last phase reported; start a new run");
        }
        if (figures.path("workers").asInt() != workers || figures.path("seed").asLong() != seed) {
            throw new IllegalArgumentException("The report is of a run with --workers " + figures.path("workers").asText()
                    + " --seed " + figures.path("seed").asText() + "; resume it with the same values");
        }
        if (Stream.of(Phase.values()).allMatch(phase -> figures.has(phase.reportKey()))) {
            throw new IllegalArgumentException("The run reported every phase; nothing left to run");
        }
        figures.put("parts", figures.path("parts").asInt() + 1);
        return new Report(file, figures);
    }

    /** 1 for a new run, one more for each --resume. */
    int part() {
        return figures.path("parts").asInt();
    }

    /** The commit the app of this part was built from; a run in parts may have changed code between them. */
    void partBuiltFrom(String code) {
        (figures.has(CODE_BY_PART) ? (ArrayNode) figures.get(CODE_BY_PART) : figures.putArray(CODE_BY_PART)).add(code);
    }

    boolean has(Phase phase) {
        return figures.has(phase.reportKey());
    }

    void started(Phase phase) throws IOException {
        figures.put(UNFINISHED_PHASE, phase.toString());
        write();
    }

    /** Keeps the app's peak resident memory over every part of the run, the app having restarted between parts. */
    void finished(Phase phase, long appPeakResidentBytes) throws IOException {
        figures.remove(UNFINISHED_PHASE);
        figures.put(PEAK_RESIDENT_MEMORY, Math.max(figures.path(PEAK_RESIDENT_MEMORY).asLong(), appPeakResidentBytes / (1024 * 1024)));
        write();
    }

    void put(String key, Object value) {
        figures.set(key, JSON.valueToTree(value));
    }

    double number(String pointer) {
        return Optional.of(figures.at(pointer)).filter(JsonNode::isNumber)
                .orElseThrow(() -> new IllegalStateException("No figure " + pointer + " in the report")).asDouble();
    }

    private void write() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), figures);
    }

    void print() {
        System.out.println();
        System.out.printf("AccessLedger JML benchmark: %d workers, %d cores%n", figures.path("workers").asInt(), figures.at("/machine/cores").asInt());
        print("", figures);
        System.out.println("JSON report: " + file.toAbsolutePath());
    }

    private static void print(String prefix, JsonNode node) {
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isObject()) {
                print(prefix + field.getKey() + ".", field.getValue());
            } else if (field.getValue().isArray()) {
                System.out.printf("  %-55s %15s%n", prefix + field.getKey(), field.getValue());
            } else {
                String value = field.getValue().isFloatingPointNumber() ? String.format("%,.3f", field.getValue().asDouble()) : field.getValue().asText();
                System.out.printf("  %-55s %15s%n", prefix + field.getKey(), value);
            }
        });
    }
}
