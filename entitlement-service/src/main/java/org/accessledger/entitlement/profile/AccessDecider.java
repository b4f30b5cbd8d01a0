package org.accessledger.entitlement.profile;

import org.accessledger.api.access.*;
import org.accessledger.api.worker.WorkerStatus;
import org.accessledger.entitlement.policy.AccessPolicy;
import org.accessledger.entitlement.policy.SodRule;
import org.accessledger.entitlement.policy.WorkerFacts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.accessledger.api.access.AccessStatus.GRANTED;
import static org.accessledger.api.access.AccessStatus.PENDING_APPROVAL;
import static org.accessledger.api.access.AccessStatus.SUSPENDED;

/**
 * Compares what the policy justifies for a worker now with what the worker holds, and returns the decisions that close
 * the gap, each with its reason. Pure: the same inputs always give the same decisions.
 */
final class AccessDecider {

    /** A worker's access profile as the decider sees it. */
    record Profile(WorkerStatus status, WorkerFacts facts, Map<EntitlementId, HeldAccess> held,
                   Map<EntitlementId, SodBlock> blocked, Set<EntitlementId> rejected) {
    }

    private final AccessPolicy policy;
    private final long policyVersion;
    private final Function<EntitlementId, String> approvalIds;

    AccessDecider(AccessPolicy policy, long policyVersion, Function<EntitlementId, String> approvalIds) {
        this.policy = policy;
        this.policyVersion = policyVersion;
        this.approvalIds = approvalIds;
    }

    List<AccessEvent> decide(Profile profile, Cause cause) {
        boolean employed = profile.status() == WorkerStatus.ACTIVE || profile.status() == WorkerStatus.ON_LEAVE;
        Map<EntitlementId, String> justified = employed ? policy.birthrights(profile.facts()) : Map.of();
        boolean onLeave = profile.status() == WorkerStatus.ON_LEAVE;
        List<AccessEvent> decisions = new ArrayList<>();
        Set<EntitlementId> holding = new HashSet<>();

        profile.held().forEach((entitlement, held) -> {
            if (!justified.containsKey(entitlement)) {
                decisions.add(removal(entitlement, held, cause));
            } else if (held.status() == GRANTED && onLeave && policy.suspendedOnLeave(entitlement)) {
                decisions.add(new AccessSuspended(cause.workerId(), entitlement, cause.effectiveAt(), cause.reason("leave", policyVersion)));
                holding.add(entitlement);
            } else if (held.status() == SUSPENDED && !(onLeave && policy.suspendedOnLeave(entitlement))) {
                decisions.add(new AccessRestored(cause.workerId(), entitlement, cause.effectiveAt(), cause.reason(justified.get(entitlement), policyVersion)));
                holding.add(entitlement);
            } else if (held.isHeld()) {
                holding.add(entitlement);
            }
        });
        profile.blocked().forEach((entitlement, block) -> {
            if (!justified.containsKey(entitlement)) {
                decisions.add(new SodConflictResolved(cause.workerId(), entitlement, cause.effectiveAt(),
                        cause.reason(removalRule(cause, block.sodRuleId()), policyVersion), block.conflictsWith()));
            }
        });
        justified.forEach((entitlement, ruleId) -> {
            if (!profile.held().containsKey(entitlement) && !profile.rejected().contains(entitlement)) {
                addition(entitlement, ruleId, profile, holding, onLeave, cause).ifPresent(decisions::addAll);
            }
        });
        return decisions;
    }

    private Optional<List<AccessEvent>> addition(EntitlementId entitlement, String ruleId, Profile profile,
                                                 Set<EntitlementId> holding, boolean onLeave, Cause cause) {
        Optional<SodRule> conflict = policy.conflictOf(entitlement, holding);
        SodBlock block = profile.blocked().get(entitlement);
        if (conflict.isPresent()) {
            EntitlementId other = conflict.get().otherSideOf(entitlement);
            return block != null ? Optional.empty() : Optional.of(List.of(new SodConflictDetected(cause.workerId(), entitlement,
                    cause.effectiveAt(), cause.reason(conflict.get().id(), policyVersion), other)));
        }
        List<AccessEvent> events = new ArrayList<>();
        if (block != null) {
            events.add(new SodConflictResolved(cause.workerId(), entitlement, cause.effectiveAt(), cause.reason(ruleId, policyVersion), block.conflictsWith()));
        }
        if (policy.requiresApproval(entitlement)) {
            events.add(new ApprovalRequested(cause.workerId(), entitlement, cause.effectiveAt(), cause.reason(ruleId, policyVersion), approvalIds.apply(entitlement)));
        } else if (onLeave && policy.suspendedOnLeave(entitlement)) {
            return events.isEmpty() ? Optional.empty() : Optional.of(events);
        } else {
            events.add(new AccessGranted(cause.workerId(), entitlement, cause.effectiveAt(), cause.reason(ruleId, policyVersion)));
            holding.add(entitlement);
        }
        return Optional.of(events);
    }

    private AccessEvent removal(EntitlementId entitlement, HeldAccess held, Cause cause) {
        AccessReason reason = cause.reason(removalRule(cause, held.reason().ruleId()), policyVersion);
        return held.status() == PENDING_APPROVAL
                ? new ApprovalWithdrawn(cause.workerId(), entitlement, cause.effectiveAt(), reason, held.approvalId())
                : new AccessRevoked(cause.workerId(), entitlement, cause.effectiveAt(), reason);
    }

    /** A removal names the lifecycle rule that ended the employment, or else the rule whose justification ended. */
    private static String removalRule(Cause cause, String formerRule) {
        return cause.lifecycleRule() != null ? cause.lifecycleRule() : formerRule;
    }
}
