package org.accessledger.identity.view;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.platform.web.NotFoundException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Auditors' view of a worker: current state and full history. */
@RestController
@RequestMapping("/api/v1/workers/{workerId}")
public class WorkerController {

    private final QueryGateway queries;
    private final CaughtUpWorkerViews views;

    WorkerController(QueryGateway queries, CaughtUpWorkerViews views) {
        this.queries = queries;
        this.views = views;
    }

    /** Shows every HR event accepted before the request, or answers 503 VIEW_BEHIND (see {@link CaughtUpWorkerViews}). */
    @GetMapping
    public WorkerView worker(@PathVariable String workerId) {
        return views.of(parse(workerId)).orElseThrow(() -> notFound(workerId));
    }

    @GetMapping("/history")
    public WorkerHistoryView history(@PathVariable String workerId) {
        List<HistoryEntry> entries = queries.query(new FindWorkerHistoryQuery(parse(workerId)),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class)).join();
        if (entries.isEmpty()) {
            throw notFound(workerId);
        }
        return new WorkerHistoryView(workerId, entries);
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
