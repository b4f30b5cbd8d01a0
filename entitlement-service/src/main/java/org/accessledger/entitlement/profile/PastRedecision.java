package org.accessledger.entitlement.profile;

import org.accessledger.api.access.AccessEvent;
import org.accessledger.api.access.AccessGranted;
import org.accessledger.api.access.AccessPeriodCorrected;
import org.accessledger.api.access.AccessReason;
import org.accessledger.api.access.AccessStatus;
import org.accessledger.api.access.ApprovalRejected;
import org.accessledger.api.access.EntitlementId;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.entitlement.policy.PolicyPeriod;
import org.accessledger.entitlement.policy.PolicyVersion;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Re-decides a window [{@code from}, {@code until}) of a worker's past on a corrected timeline: from the access as known
 * just before it, the same {@link AccessDecider} meets each corrected fact, each policy version published in the
 * window and each approval a person decided in it, in effective order. Then compares, entitlement by entitlement, what
 * was provisioned with what the corrected timeline justifies. Pure.
 */
final class PastRedecision {

    private final WorkerId workerId;
    private final String profileId;
    private final String causeEventId;
    private final HrEventId correctedBy;
    private final Instant from;
    private final Instant until;

    PastRedecision(WorkerId workerId, String profileId, String causeEventId, HrEventId correctedBy, Instant from, Instant until) {
        this.workerId = workerId;
        this.profileId = profileId;
        this.causeEventId = causeEventId;
        this.correctedBy = correctedBy;
        this.from = from;
        this.until = until;
    }

    /** The access period by period over the window. */
    List<AccessSnapshot> redecide(ProfileState before, List<FactsAt> facts, List<PolicyPeriod> policies, List<Object> decisionsInWindow) {
        TreeMap<Instant, List<Object>> points = new TreeMap<>();
        facts.stream().filter(this::inWindow).forEach(fact -> points.computeIfAbsent(fact.effectiveAt(), at -> new ArrayList<>()).add(fact));
        policies.stream().filter(policy -> policy.since().isAfter(from) && policy.since().isBefore(until))
                .forEach(policy -> points.computeIfAbsent(policy.since(), at -> new ArrayList<>()).add(policy));
        decisionsInWindow.stream().filter(PastRedecision::isPersonsDecision)
                .forEach(decision -> points.computeIfAbsent(((AccessEvent) decision).effectiveAt(), at -> new ArrayList<>()).add(decision));
        ProfileState state = before.copy();
        PolicyVersion policy = policies.get(0).version();
        List<AccessSnapshot> periods = new ArrayList<>();
        Instant periodStart = from;
        for (Map.Entry<Instant, List<Object>> point : points.entrySet()) {
            if (point.getKey().isAfter(periodStart)) {
                periods.add(state.snapshot(periodStart, point.getKey()));
                periodStart = point.getKey();
            }
            for (Object input : point.getValue()) {
                if (input instanceof FactsAt fact) {
                    state.withFacts(fact.status(), fact.workerType(), fact.assignment(), fact.newEmployment());
                    decide(state, policy, new Cause(workerId, causeEventId, fact.hrEventId(), fact.effectiveAt(), fact.lifecycleRule()));
                } else if (input instanceof PolicyPeriod published) {
                    policy = published.version();
                    decide(state, policy, new Cause(workerId, causeEventId, null, published.since(), null));
                } else if (state.held().containsKey(((AccessEvent) input).entitlement())
                        && state.held().get(((AccessEvent) input).entitlement()).status() == AccessStatus.PENDING_APPROVAL) {
                    state.apply(input);
                }
            }
        }
        periods.add(state.snapshot(periodStart, until));
        return periods;
    }

    /** Each stretch of the window in which an entitlement was provisioned but not justified, or justified but not provisioned. */
    List<AccessPeriodCorrected> differences(AccessHistory history, List<AccessSnapshot> periods) {
        TreeSet<Instant> breaks = new TreeSet<>();
        periods.forEach(period -> breaks.add(period.from()));
        history.decisionsBetween(from, until).forEach(decision -> breaks.add(AccessHistory.effectiveAt(decision)));
        breaks.add(from);
        List<Instant> starts = new ArrayList<>(breaks.tailSet(from, true));
        List<AccessPeriodCorrected> found = new ArrayList<>();
        List<Object> decisions = history.decisionsEffectiveBy(until);
        ProfileState provisioned = new ProfileState();
        int applied = 0;
        for (int i = 0; i < starts.size(); i++) {
            Instant start = starts.get(i);
            Instant end = i + 1 < starts.size() ? starts.get(i + 1) : until;
            while (applied < decisions.size() && !AccessHistory.effectiveAt(decisions.get(applied)).isAfter(start)) {
                provisioned.apply(decisions.get(applied++));
            }
            ProfileState justified = ProfileState.of(periods.stream().filter(period -> period.covers(start)).findFirst().orElseThrow());
            Set<EntitlementId> entitlements = new TreeSet<>(Comparator.comparing(EntitlementId::value));
            entitlements.addAll(provisioned.held().keySet());
            entitlements.addAll(justified.held().keySet());
            for (EntitlementId entitlement : entitlements) {
                if (provisioned.grants(entitlement) && !justified.grants(entitlement)) {
                    extend(found, entitlement, start, end, AccessPeriodCorrected.Correction.HELD_WITHOUT_JUSTIFICATION, provisioned.held().get(entitlement).reason());
                } else if (justified.grants(entitlement) && !provisioned.grants(entitlement)) {
                    extend(found, entitlement, start, end, AccessPeriodCorrected.Correction.MISSING, justified.held().get(entitlement).reason());
                }
            }
        }
        return found;
    }

    private void extend(List<AccessPeriodCorrected> found, EntitlementId entitlement, Instant start, Instant end,
                        AccessPeriodCorrected.Correction correction, AccessReason reason) {
        for (int i = 0; i < found.size(); i++) {
            AccessPeriodCorrected earlier = found.get(i);
            if (earlier.entitlement().equals(entitlement) && earlier.correction() == correction && earlier.until().equals(start)) {
                found.set(i, new AccessPeriodCorrected(workerId, entitlement, earlier.from(), end, correction, correctedBy, causeEventId, earlier.reason()));
                return;
            }
        }
        found.add(new AccessPeriodCorrected(workerId, entitlement, start, end, correction, correctedBy, causeEventId, reason));
    }

    private void decide(ProfileState state, PolicyVersion policy, Cause cause) {
        AccessDecider decider = new AccessDecider(policy.policy(), policy.version(), entitlement -> UUID.nameUUIDFromBytes(
                (profileId + '|' + cause.causeEventId() + '|' + cause.effectiveAt() + '|' + entitlement).getBytes(StandardCharsets.UTF_8)).toString());
        decider.decide(state.toDeciderProfile(), cause).forEach(state::apply);
    }

    private boolean inWindow(FactsAt fact) {
        return !fact.effectiveAt().isBefore(from) && fact.effectiveAt().isBefore(until);
    }

    private static boolean isPersonsDecision(Object decision) {
        return decision instanceof ApprovalRejected || decision instanceof AccessGranted granted && granted.reason().approvalId().isPresent();
    }
}
