package org.accessledger.entitlement.approval;

import org.accessledger.api.access.AccessProfiles;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.entitlement.profile.DecideApproval;
import org.accessledger.entitlement.profile.WorkerChangesToAccess;
import org.accessledger.platform.axon.ReadYourWrites;
import org.accessledger.platform.web.FieldProblem;
import org.accessledger.platform.web.InvalidRequestException;
import org.accessledger.platform.web.NotFoundException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Access requests waiting for a person, and that person's decision. */
@RestController
public class ApprovalsController {

    /** An approval is requested by an access decision, then shown by the approvals view. */
    private static final List<String> TO_APPROVALS = List.of(WorkerChangesToAccess.GROUP, ApprovalsProjection.GROUP);

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final ReadYourWrites readYourWrites;

    public ApprovalsController(QueryGateway queries, CommandGateway commands, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
    }

    /** With {@code minPosition}, shows the approvals requested by the decisions of every event stored up to it, or answers 503. */
    @GetMapping("/api/v1/approvals")
    public List<ApprovalView> approvals(@RequestParam(required = false) ApprovalView.Status status,
                                        @RequestParam(required = false) Long minPosition) {
        if (minPosition != null) {
            readYourWrites.awaitRead(TO_APPROVALS, minPosition, ReadYourWrites.WAIT);
        }
        return queries.query(new FindApprovalsQuery(status), ResponseTypes.multipleInstancesOf(ApprovalView.class)).join();
    }

    @PostMapping("/api/v1/approvals/{approvalId}/decision")
    public ApprovalDecided decide(@PathVariable String approvalId, @RequestBody ApprovalDecision decision, Authentication approver) {
        if (decision.decision() == null) {
            throw new InvalidRequestException(ErrorCode.INVALID_FIELD, List.of(new FieldProblem("decision", "one-of", "must be APPROVE or REJECT")));
        }
        ApprovalView approval = find(approvalId);
        if (approval.status() != ApprovalView.Status.PENDING) {
            throw new NotFoundException(ErrorCode.NO_SUCH_APPROVAL, "Approval " + approvalId + " is " + approval.status() + ", no longer pending");
        }
        commands.sendAndWait(new DecideApproval(AccessProfiles.idOf(WorkerId.of(approval.workerId())), approvalId,
                decision.decision() == ApprovalDecision.Decision.APPROVE, approver.getName(), decision.comment()));
        return new ApprovalDecided(approvalId, approval.workerId(), approval.entitlement().value(), decision.decision(),
                approver.getName(), decision.comment());
    }

    private ApprovalView find(String approvalId) {
        return queries.query(new FindApprovalQuery(approvalId), ResponseTypes.optionalInstanceOf(ApprovalView.class)).join()
                .orElseThrow(() -> new NotFoundException(ErrorCode.NO_SUCH_APPROVAL, "No approval " + approvalId));
    }
}
