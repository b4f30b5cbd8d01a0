package org.accessledger.entitlement.simulation;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.entitlement.publication.PolicyController;
import org.accessledger.platform.web.FieldProblem;
import org.accessledger.platform.web.InvalidRequestException;
import org.accessledger.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** What-if for the access policy: simulate a candidate document, read the summary and every worker's changes. */
@RestController
@RequestMapping("/api/v1/policy/simulations")
public class PolicySimulationsController {

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema HEADER = CSV.schemaFor(SimulationChange.class).withHeader();
    private static final int MAX_PAGE_SIZE = 1_000;

    private final PolicySimulations simulations;

    public PolicySimulationsController(PolicySimulations simulations) {
        this.simulations = simulations;
    }

    /** Validated like a publication; simulates the workforce as it stands now (the modes over the past are not built yet). */
    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    public ResponseEntity<Map<String, Object>> simulate(@RequestBody String document, @RequestParam Map<String, String> parameters,
                                                        Authentication caller) {
        for (String mode : List.of("asOf", "from", "to")) {
            if (parameters.containsKey(mode)) {
                throw new InvalidRequestException(ErrorCode.INVALID_FIELD, List.of(new FieldProblem(mode, "supported",
                        "only simulations of the workforce as it stands now are available; " + mode + " is not yet")));
            }
        }
        PolicyController.validate(document);
        String id = simulations.start(document, caller.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/policy/simulations/" + id))
                .body(Map.of("simulationId", id, "status", SimulationView.Status.RUNNING));
    }

    @GetMapping("/{simulationId}")
    public SimulationView simulation(@PathVariable String simulationId) {
        return simulations.find(simulationId).orElseThrow(() -> noSuchSimulation(simulationId));
    }

    /** The finished simulation's changes, optionally of one entitlement or worker, a page at a time. */
    @GetMapping(path = "/{simulationId}/changes", produces = MediaType.APPLICATION_JSON_VALUE)
    public ChangesPage changes(@PathVariable String simulationId, @RequestParam(required = false) String entitlement,
                               @RequestParam(required = false) String workerId, @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "100") int size) {
        if (page < 0) {
            throw new InvalidRequestException(ErrorCode.INVALID_FIELD, List.of(new FieldProblem("page", "min", "must be 0 or more")));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException(ErrorCode.INVALID_FIELD, List.of(new FieldProblem("size", "range", "must be 1 to " + MAX_PAGE_SIZE)));
        }
        List<SimulationChange> matching = matching(simulationId, entitlement, workerId);
        int from = (int) Math.min((long) page * size, matching.size());
        return new ChangesPage(simulationId, simulation(simulationId).status(), page, size, matching.size(),
                matching.subList(from, Math.min(from + size, matching.size())));
    }

    @GetMapping(path = "/{simulationId}/changes", produces = "text/csv")
    public ResponseEntity<String> changesAsCsv(@PathVariable String simulationId, @RequestParam(required = false) String entitlement,
                                               @RequestParam(required = false) String workerId) throws IOException {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv"))
                .body(CSV.writer(HEADER).writeValueAsString(matching(simulationId, entitlement, workerId)));
    }

    public record ChangesPage(String simulationId, SimulationView.Status status, int page, int size, int total, List<SimulationChange> changes) {
    }

    private List<SimulationChange> matching(String simulationId, String entitlement, String workerId) {
        return simulations.changes(simulationId).orElseThrow(() -> noSuchSimulation(simulationId)).stream()
                .filter(change -> entitlement == null || change.entitlement().equals(entitlement))
                .filter(change -> workerId == null || change.workerId().equals(workerId))
                .toList();
    }

    private static NotFoundException noSuchSimulation(String simulationId) {
        return new NotFoundException(ErrorCode.NO_SUCH_SIMULATION, "No simulation " + simulationId + " is kept (unknown, or discarded after its retention)");
    }
}
