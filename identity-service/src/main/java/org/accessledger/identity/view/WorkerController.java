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

    public WorkerController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    public WorkerView worker(@PathVariable String workerId) {
        return queries.query(new FindWorkerQuery(parse(workerId)), ResponseTypes.optionalInstanceOf(WorkerView.class))
                .join()
                .orElseThrow(() -> notFound(workerId));
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
