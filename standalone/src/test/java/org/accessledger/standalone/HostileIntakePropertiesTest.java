package org.accessledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.accessledger.platform.time.MutableClock;
import org.accessledger.standalone.feed.ImportCommand;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.accessledger.standalone.HrEvents.hireInto;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input at the three intake doors (the HR API, SCIM bulkUpload, the snapshot import): valid requests mutated at
 * random (fields removed, values of the wrong type, hostile and oversized text, deep nesting, truncated or garbled
 * bodies, CSV rows with faults and broken quoting). Never a server error; every refusal is problem+json or a SCIM
 * error; a request or file refused whole stores nothing.
 */
class HostileIntakePropertiesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SCIM_JSON = "application/scim+json";
    static final List<String> HOSTILE_TEXT = List.of("", " ", "*", ")(", "(&(objectClass=*))", ",", "\"", "\\", "' OR '1'='1",
            "<script>alert(1)</script>", "Ωmega Łódź 日本", "\u0000", "\u202e", "x".repeat(70_000), "2026-02-30", "-1", "1e309",
            "Europe/Nowhere", "+05:30", "../../etc/passwd", "${jndi:ldap://127.0.0.1/a}");
    static Path dataDir;
    static RunningApp app;

    @BeforeContainer
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("accessledger-hostile");
        app = RunningApp.start(dataDir, new MutableClock(Instant.parse("2026-12-07T10:00:00Z")));
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Property(tries = 600, shrinking = ShrinkingMode.OFF)
    void theHrApiNeverFailsAndARefusedRequestStoresNothing(@ForAll("mutationSeeds") long seed) {
        String workerId = "FZ" + Long.toHexString(seed);
        String body = mutated(JSON.createObjectNode().set("events", JSON.createArrayNode()
                .add(read(hireInto("fz-" + seed, workerId, "2026-12-01", "Sales", "SALES-REP", "CC-100")))
                .add(read(HrEvents.move("fz-m-" + seed, workerId, "2026-12-02", "Finance")))), seed);

        RunningApp.Response response = app.postHrEvents(body);

        assertThat(response.status()).as(body).isIn(200, 400, 413);
        if (response.status() != 200) {
            assertThat(response.contentType()).as(body).startsWith("application/problem+json");
            assertThat(response.body().get("code").asText()).as(body).isNotBlank();
            assertThat(storedEventsOf(workerId)).as("nothing stored for " + body).isEmpty();
        } else {
            response.body().get("results").forEach(result -> assertThat(result.get("outcome").asText()).isIn("ACCEPTED", "DUPLICATE", "REJECTED"));
        }
    }

    @Property(tries = 400, shrinking = ShrinkingMode.OFF)
    void scimBulkUploadNeverFailsAndAnswersEveryRefusalAsAnError(@ForAll("mutationSeeds") long seed) throws IOException {
        ObjectNode request;
        try (InputStream in = getClass().getResourceAsStream("/scim/bulk-upload-core-and-enterprise.json")) {
            request = (ObjectNode) JSON.readTree(in);
        }
        String prefix = "FS" + Long.toHexString(seed);
        String body = mutated(request, seed).replace("SC100", prefix);

        RunningApp.Response response = app.postAsHr("/scim/v2/bulkUpload", SCIM_JSON, body);

        assertThat(response.status()).as(body).isIn(200, 400, 413);
        if (response.status() == 200) {
            response.body().get("Operations").forEach(operation -> {
                assertThat(operation.get("status").asText()).as(body).matches("2\\d\\d|4\\d\\d");
                if (operation.get("status").asText().startsWith("4")) {
                    assertThat(operation.at("/response/schemas/0").asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
                }
            });
        } else {
            assertThat(response.contentType()).as(body).matches("application/(problem|scim)\\+json.*");
            assertThat(storedEventsOf(prefix + "1")).as("nothing stored for " + body).isEmpty();
            assertThat(storedEventsOf(prefix + "2")).as("nothing stored for " + body).isEmpty();
        }
    }

    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    void aSnapshotOfHostileRowsIsImportedOrReportedRowByRowNeverHalfSent(@ForAll("mutationSeeds") long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("workerId,givenName,familyName,email,workerType,timeZone,startDate,endDate,department,jobCode,location,costCenter,managerId\n");
        for (int row = 0; row < 15; row++) {
            List<String> values = new ArrayList<>(List.of("FC" + Long.toHexString(seed) + "x" + row, "Ann", "Lee",
                    "fc" + Long.toHexString(seed) + "x" + row + "@example.com", "EMPLOYEE", "Europe/London", "2026-12-01", "", "Sales",
                    "SALES-REP", "London", "CC-100", ""));
            for (int fault = random.nextInt(3); fault > 0; fault--) {
                values.set(random.nextInt(values.size()), pick(random));
            }
            if (random.nextInt(10) == 0) {
                values.add("extra");
            }
            csv.append(String.join(",", values.stream().map(value -> random.nextBoolean() ? '"' + value.replace("\"", "\"\"") + '"' : value).toList()))
                    .append(random.nextInt(8) == 0 ? "\r\n" : "\n");
        }
        Path file = Files.writeString(Files.createTempFile(dataDir, "hostile", ".csv"), csv.toString());
        Path report = Files.createTempFile(dataDir, "report", ".csv");
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int exitCode = ImportCommand.run(new PrintStream(output, true, StandardCharsets.UTF_8), "--file", file.toString(),
                "--url", "http://127.0.0.1:" + app.port(), "--user", "hr", "--password", RunningApp.HR_PASSWORD,
                "--effective-date", "2026-12-07", "--report", report.toString());

        String printed = output.toString(StandardCharsets.UTF_8);
        if (exitCode == 1) {
            assertThat(printed).contains("Cannot read the snapshot at line", "nothing was sent");
            for (int row = 0; row < 15; row++) {
                assertThat(storedEventsOf("FC" + Long.toHexString(seed) + "x" + row)).as(printed).isEmpty();
            }
        } else {
            assertThat(exitCode).as(printed).isIn(0, 2);
            assertThat(Files.readAllLines(report).stream().filter(line -> line.matches("\\d+,.*"))).as("every row reported").isNotEmpty();
        }
    }

    private static java.util.Optional<Long> storedEventsOf(String workerId) {
        return app.bean(EventStore.class).lastSequenceNumberFor(workerId);
    }

    @Provide
    Arbitrary<Long> mutationSeeds() {
        return Arbitraries.longs();
    }

    /** The document with one to four random faults, sometimes then cut short or garbled as text. */
    private static String mutated(ObjectNode document, long seed) {
        Random random = new Random(seed);
        for (int fault = 1 + random.nextInt(4); fault > 0; fault--) {
            mutateOne(document, random);
        }
        String text = document.toString();
        return switch (random.nextInt(12)) {
            case 0 -> text.substring(0, random.nextInt(text.length()));
            case 1 -> text.replace(',', random.nextBoolean() ? ';' : ' ');
            case 2 -> text + "}".repeat(1 + random.nextInt(3));
            default -> text;
        };
    }

    private static void mutateOne(JsonNode node, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(node, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>();
            Iterator<String> fields = object.fieldNames();
            fields.forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            if (random.nextInt(4) == 0) {
                object.remove(name);
            } else {
                object.set(name, hostileValue(random));
            }
        } else if (target instanceof ArrayNode array && !array.isEmpty()) {
            int index = random.nextInt(array.size());
            if (random.nextBoolean()) {
                array.add(array.get(index).deepCopy());
            } else {
                array.set(index, hostileValue(random));
            }
        }
    }

    private static void collectContainers(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collectContainers(child, containers));
        }
    }

    private static JsonNode hostileValue(Random random) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(8)) {
            case 0 -> nodes.numberNode(random.nextLong());
            case 1 -> nodes.booleanNode(random.nextBoolean());
            case 2 -> nodes.nullNode();
            case 3 -> nodes.objectNode().put("unexpected", pick(random));
            case 4 -> {
                ArrayNode deep = nodes.arrayNode();
                ArrayNode inner = deep;
                for (int level = 0; level < 300; level++) {
                    inner = inner.addArray();
                }
                yield deep;
            }
            case 5 -> nodes.arrayNode().add(pick(random));
            default -> nodes.textNode(pick(random));
        };
    }

    private static String pick(Random random) {
        return HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size()));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
