package org.accessledger.identity.hr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.accessledger.platform.web.FieldProblem;
import org.accessledger.platform.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class HrEventBatchReaderTest {

    private static final String HIRE = """
            {"hrEventId":"h-1","type":"HIRE","workerId":"W1","effectiveDate":"2026-11-01",
             "worker":{"givenName":"Ada","familyName":"Lovelace","email":"ada@example.com","workerType":"EMPLOYEE","timeZone":"Europe/London"},
             "assignment":{"department":"Finance","jobCode":"FIN-ANALYST","location":"London","costCenter":"CC-100"}}
            """;

    private final JsonMapper mapper = JsonMapper.builder().findAndAddModules().build();
    private final HrEventBatchReader reader = new HrEventBatchReader(mapper);

    @Test
    void everyUnreadableFieldIsListedBesideTheOtherFaults() {
        String event = HIRE.replace("2026-11-01", "2026-02-30")
                .replace("\"EMPLOYEE\"", "\"TRAINEE\"")
                .replace("\"ada@example.com\"", "\"not-an-email\"")
                .replace("\"hrEventId\"", "\"colour\":\"blue\",\"hrEventId\"");

        assertThat(problemsOf(event)).extracting(FieldProblem::field, FieldProblem::rule).containsExactlyInAnyOrder(
                tuple("effectiveDate", "date"),
                tuple("worker.workerType", "one-of"),
                tuple("colour", "known-field"),
                tuple("worker.email", "email"));
    }

    @Test
    void anUnreadableFieldIsNotReportedAgainAsMissing() {
        List<FieldProblem> problems = problemsOf(HIRE.replace("2026-11-01", "not-a-date"));

        assertThat(problems).extracting(FieldProblem::field, FieldProblem::rule).containsExactly(tuple("effectiveDate", "date"));
    }

    @Test
    void faultsOfEveryEventInABatchAreNamedByTheirPlace() {
        String second = HIRE.replace("\"W1\"", "\"W2\"").replace("\"EMPLOYEE\"", "7").replace("\"Lovelace\"", "\"\"");

        List<FieldProblem> problems = problemsOf("{\"events\":[" + HIRE + "," + second + "]}");

        assertThat(problems).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                "events[1].worker.workerType", "events[1].worker.familyName");
    }

    @Test
    void aWholeEventOfTheWrongShapeIsOneFault() {
        List<FieldProblem> problems = problemsOf("{\"events\":[" + HIRE + ", [1, 2]]}");

        assertThat(problems).extracting(FieldProblem::field).containsExactly("events[1]");
    }

    @Test
    void aReadableEventBecomesItsCommand() {
        assertThat(reader.read(json(HIRE))).singleElement()
                .satisfies(event -> assertThat(event.type()).isEqualTo(HrEventType.HIRE));
    }

    private List<FieldProblem> problemsOf(String body) {
        JsonNode node = json(body);
        InvalidRequestException refusal = catchThrowableOfType(InvalidRequestException.class, () -> reader.read(node));
        assertThat(refusal).as("refusal of %s", body).isNotNull();
        return refusal.errors();
    }

    private JsonNode json(String body) {
        try {
            return mapper.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
