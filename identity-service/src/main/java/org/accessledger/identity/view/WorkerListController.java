package org.accessledger.identity.view;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.platform.axon.ReadYourWrites;
import org.accessledger.platform.web.FieldProblem;
import org.accessledger.platform.web.InvalidRequestException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Every worker's current view, a page at a time in the order of worker ids: what a full-snapshot feed import diffs
 * its file against. Readable by the HR adapter as well as auditors.
 */
@RestController
public class WorkerListController {

    static final int MAX_LIMIT = 1_000;

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    WorkerListController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/api/v1/workers")
    public WorkerPage workers(@RequestParam(required = false) String after, @RequestParam(defaultValue = "500") int limit,
                              @RequestParam(required = false) Long minPosition) {
        if (after != null && !WorkerId.isValid(after)) {
            throw invalid("after", "format", "must be a worker id: " + WorkerId.RULE);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit", "range", "must be 1 to " + MAX_LIMIT);
        }
        if (minPosition != null) {
            readYourWrites.awaitRead(List.of(WorkerViewProjection.GROUP), minPosition, ReadYourWrites.WAIT);
        }
        List<WorkerView> items = queries.query(new ListWorkersQuery(after, limit), ResponseTypes.multipleInstancesOf(WorkerView.class)).join();
        return new WorkerPage(items, items.size() < limit ? null : items.get(items.size() - 1).workerId());
    }

    private static InvalidRequestException invalid(String field, String rule, String detail) {
        return new InvalidRequestException(ErrorCode.INVALID_FIELD, List.of(new FieldProblem(field, rule, detail)));
    }
}
