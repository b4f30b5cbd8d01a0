package org.accessledger.connector.account;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.connector.targets.Targets;
import org.accessledger.platform.web.NotFoundException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A worker's account in one target: desired beside actual. */
@RestController
public class TargetAccountsController {

    private final Targets targets;
    private final QueryGateway queries;

    public TargetAccountsController(Targets targets, QueryGateway queries) {
        this.targets = targets;
        this.queries = queries;
    }

    @GetMapping("/api/v1/targets/{target}/accounts/{workerId}")
    public TargetAccountView account(@PathVariable String target, @PathVariable String workerId) {
        targets.named(target).orElseThrow(() -> new NotFoundException(ErrorCode.NOT_FOUND, "No target " + target));
        return queries.query(new FindTargetAccountQuery(target, workerId), ResponseTypes.optionalInstanceOf(TargetAccountView.class))
                .join()
                .orElseThrow(() -> new NotFoundException(ErrorCode.NOT_FOUND, "Target " + target + " has no account for worker " + workerId));
    }
}
