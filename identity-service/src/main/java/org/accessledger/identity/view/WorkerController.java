package org.accessledger.identity.view;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.provisioning.FindProvisioningHistoryQuery;
import org.accessledger.api.provisioning.ProvisioningHistoryEntry;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.platform.axon.ReadYourWrites;
import org.accessledger.platform.web.Instants;
import org.accessledger.platform.web.NotFoundException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Auditors' view of a worker: current state and full history. */
@RestController
@RequestMapping("/api/v1/workers/{workerId}")
public class WorkerController {

    private final QueryGateway queries;
    private final CaughtUpWorkerViews views;

    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    WorkerController(QueryGateway queries, CaughtUpWorkerViews views, ReadYourWrites readYourWrites, Clock clock) {
        this.queries = queries;
        this.views = views;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    /**
     * Shows every HR event accepted before the request, and with {@code minPosition} everything stored up to that
     * position, or answers 503 VIEW_BEHIND (see {@link CaughtUpWorkerViews}).
     */
    @GetMapping
    public WorkerView worker(@PathVariable String workerId, @RequestParam(required = false) Long minPosition) {
        if (minPosition != null) {
            readYourWrites.awaitRead(List.of(WorkerViewProjection.GROUP), minPosition, ReadYourWrites.WAIT);
        }
        return views.of(parse(workerId)).orElseThrow(() -> notFound(workerId));
    }

    /**
     * The worker's status and assignment in effect at {@code asOf}, as known now (after every correction HR sent since)
     * or, with {@code knownAt}, as AccessLedger knew it then.
     */
    @GetMapping(params = "asOf")
    public WorkerStateAsOf workerAsOf(@PathVariable String workerId, @RequestParam String asOf, @RequestParam(required = false) String knownAt) {
        Instant at = Instants.parse("asOf", asOf);
        Instant known = knownAt == null ? null : Instants.parse("knownAt", knownAt);
        return queries.query(new FindWorkerAsOfQuery(parse(workerId), at, known), ResponseTypes.optionalInstanceOf(WorkerStateAsOf.class)).join()
                .orElseThrow(() -> new NotFoundException(ErrorCode.WORKER_NOT_FOUND, "Worker " + workerId + " was not yet hired at " + at
                        + (known == null ? "" : " as known at " + known)));
    }

    /** The worker's state now as AccessLedger knew it at {@code knownAt}. */
    @GetMapping(params = {"knownAt", "!asOf"})
    public WorkerStateAsOf workerKnownAt(@PathVariable String workerId, @RequestParam String knownAt) {
        return workerAsOf(workerId, clock.instant().toString(), knownAt);
    }

    @GetMapping("/history")
    public WorkerHistoryView history(@PathVariable String workerId) {
        List<HistoryEntry> entries = queries.query(new FindWorkerHistoryQuery(parse(workerId)),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class)).join();
        if (entries.isEmpty()) {
            throw notFound(workerId);
        }
        List<HistoryEntry> all = new ArrayList<>(entries);
        all.addAll(provisioningOf(parse(workerId)));
        all.sort(Comparator.comparing(HistoryEntry::recordedAt));
        return new WorkerHistoryView(workerId, all);
    }

    /**
     * What the targets did and what reconciliations found, from the service that provisions; none where no such
     * service answers queries here (split services without Axon Server).
     */
    private List<HistoryEntry> provisioningOf(WorkerId workerId) {
        try {
            return queries.query(new FindProvisioningHistoryQuery(workerId), ResponseTypes.multipleInstancesOf(ProvisioningHistoryEntry.class))
                    .get(5, TimeUnit.SECONDS).stream()
                    .map(entry -> {
                        Map<String, Object> details = new LinkedHashMap<>(entry.details());
                        details.put("target", entry.target());
                        return new HistoryEntry(HistoryEntry.Kind.PROVISIONING, null, entry.sequence(), entry.event(), null, null, entry.recordedAt(), details);
                    })
                    .toList();
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static WorkerId parse(String workerId) {
        if (!WorkerId.isValid(workerId)) {
            throw notFound(workerId);
        }
        return WorkerId.of(workerId);
    }

    private static NotFoundException notFound(String workerId) {
        return new NotFoundException(ErrorCode.WORKER_NOT_FOUND, "No worker " + workerId + " was ever hired");
    }
}
