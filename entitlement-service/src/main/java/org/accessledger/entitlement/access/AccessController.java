package org.accessledger.entitlement.access;

import org.accessledger.api.access.EntitlementId;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.entitlement.profile.WorkerChangesToAccess;
import org.accessledger.platform.axon.ReadYourWrites;
import org.accessledger.platform.web.FieldProblem;
import org.accessledger.platform.web.Instants;
import org.accessledger.platform.web.InvalidRequestException;
import org.accessledger.platform.web.NotFoundException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Auditors' questions about access: what does a worker have (now or at an instant), who holds an entitlement. */
@RestController
public class AccessController {

    /** From an HR event to the access views: the decisions first, then the view of them. */
    private static final List<String> TO_CURRENT_ACCESS = List.of(WorkerChangesToAccess.GROUP, CurrentAccessProjection.GROUP);
    private static final List<String> TO_HOLDERS = List.of(WorkerChangesToAccess.GROUP, EntitlementHoldersProjection.GROUP);
    /** How long a read waits before it may say that no access was ever decided. */
    private static final Duration BEFORE_NOT_FOUND = Duration.ofSeconds(2);

    private final QueryGateway queries;
    private final Clock clock;
    private final ReadYourWrites readYourWrites;

    public AccessController(QueryGateway queries, Clock clock, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.clock = clock;
        this.readYourWrites = readYourWrites;
    }

    /**
     * Access now or at {@code asOf}, as known now or, with {@code knownAt}, as AccessLedger knew it then (only the events
     * stored by {@code knownAt} count; {@code asOf} defaults to now). With {@code minPosition}, shows the decisions of every event stored up to it, or
     * answers 503 VIEW_BEHIND. A worker with no access view is {@code 404} only once the decisions of everything stored
     * before the request are in the view: right after a HIRE the answer is the access, or 503, never "not found".
     */
    @GetMapping("/api/v1/workers/{workerId}/access")
    public AccessView access(@PathVariable String workerId, @RequestParam(required = false) String asOf,
                             @RequestParam(required = false) String knownAt, @RequestParam(required = false) Long minPosition) {
        if (!WorkerId.isValid(workerId)) {
            throw noAccessRecorded(workerId);
        }
        WorkerId id = WorkerId.of(workerId);
        Instant known = knownAt == null ? null : Instants.parse("knownAt", knownAt);
        Instant at = asOf != null ? Instants.parse("asOf", asOf) : known != null ? clock.instant() : null;
        if (minPosition != null) {
            readYourWrites.awaitRead(TO_CURRENT_ACCESS, minPosition, ReadYourWrites.WAIT);
        }
        if (known != null) {
            return queries.query(new FindAccessAsOfQuery(id, at, known), ResponseTypes.optionalInstanceOf(AccessView.class)).join()
                    .orElseThrow(() -> new NotFoundException(ErrorCode.WORKER_NOT_FOUND,
                            "No access of worker " + workerId + " was decided as known at " + known));
        }
        Optional<AccessView> answer = find(id, at);
        if (answer.isEmpty() && at == null) {
            readYourWrites.awaitRead(TO_CURRENT_ACCESS, readYourWrites.head(), BEFORE_NOT_FOUND);
            answer = find(id, null);
        }
        return answer.orElseThrow(() -> noAccessRecorded(workerId));
    }

    private Optional<AccessView> find(WorkerId id, Instant asOf) {
        return asOf == null
                ? queries.query(new FindCurrentAccessQuery(id), ResponseTypes.optionalInstanceOf(AccessView.class)).join().map(view -> view.at(clock.instant()))
                : queries.query(new FindAccessAsOfQuery(id, asOf), ResponseTypes.optionalInstanceOf(AccessView.class)).join();
    }

    @GetMapping("/api/v1/entitlements/{entitlementId}/holders")
    public HoldersView holders(@PathVariable String entitlementId, @RequestParam(required = false) Long minPosition) {
        if (!EntitlementId.isValid(entitlementId)) {
            throw new InvalidRequestException(ErrorCode.INVALID_FIELD, List.of(new FieldProblem("entitlementId", "format", "must be " + EntitlementId.RULE)));
        }
        if (minPosition != null) {
            readYourWrites.awaitRead(TO_HOLDERS, minPosition, ReadYourWrites.WAIT);
        }
        List<HolderView> holders = queries.query(new FindHoldersQuery(EntitlementId.of(entitlementId)),
                ResponseTypes.multipleInstancesOf(HolderView.class)).join();
        return new HoldersView(entitlementId, clock.instant(), holders);
    }

    private static NotFoundException noAccessRecorded(String workerId) {
        return new NotFoundException(ErrorCode.WORKER_NOT_FOUND, "No access was ever decided for worker " + workerId);
    }
}
