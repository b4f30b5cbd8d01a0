package org.accessledger.entitlement.access;

import org.accessledger.api.access.EntitlementId;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.platform.web.FieldProblem;
import org.accessledger.platform.web.InvalidRequestException;
import org.accessledger.platform.web.NotFoundException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Auditors' questions about access: what does a worker have (now or at an instant), who holds an entitlement. */
@RestController
public class AccessController {

    private final QueryGateway queries;
    private final Clock clock;

    public AccessController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/v1/workers/{workerId}/access")
    public AccessView access(@PathVariable String workerId, @RequestParam(required = false) String asOf) {
        if (!WorkerId.isValid(workerId)) {
            throw noAccessRecorded(workerId);
        }
        WorkerId id = WorkerId.of(workerId);
        var answer = asOf == null
                ? queries.query(new FindCurrentAccessQuery(id), ResponseTypes.optionalInstanceOf(AccessView.class)).join().map(view -> view.at(clock.instant()))
                : queries.query(new FindAccessAsOfQuery(id, parse(asOf)), ResponseTypes.optionalInstanceOf(AccessView.class)).join();
        return answer.orElseThrow(() -> noAccessRecorded(workerId));
    }

    @GetMapping("/api/v1/entitlements/{entitlementId}/holders")
    public HoldersView holders(@PathVariable String entitlementId) {
        if (!EntitlementId.isValid(entitlementId)) {
            throw new InvalidRequestException(ErrorCode.INVALID_FIELD, List.of(new FieldProblem("entitlementId", "format", "must be " + EntitlementId.RULE)));
        }
        List<HolderView> holders = queries.query(new FindHoldersQuery(EntitlementId.of(entitlementId)),
                ResponseTypes.multipleInstancesOf(HolderView.class)).join();
        return new HoldersView(entitlementId, clock.instant(), holders);
    }

    private static Instant parse(String asOf) {
        try {
            return Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(ErrorCode.INVALID_FIELD,
                    List.of(new FieldProblem("asOf", "instant", "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z")));
        }
    }

    private static NotFoundException noAccessRecorded(String workerId) {
        return new NotFoundException(ErrorCode.WORKER_NOT_FOUND, "No access was ever decided for worker " + workerId);
    }
}
