package org.accessledger.entitlement.policy;

import org.accessledger.api.access.EntitlementId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two policy versions, in their meaning (bundles expanded): rule by rule (added, removed, its
 * conditions or grants changed) and entitlement by entitlement (added to or removed from the catalogue, approval,
 * which rules grant it, leave suspension, contractors, segregation of duties).
 */
public record PolicyDiff(List<RuleChange> rules, List<EntitlementChange> entitlements, List<String> segregationOfDuties) {

    /** {@code change}: ADDED, REMOVED or CHANGED; conditions and grants as written before and after ({@code null}: none). */
    public record RuleChange(String ruleId, String change, List<String> conditionsBefore, List<String> conditionsAfter,
                             Set<String> grantsBefore, Set<String> grantsAfter) {
    }

    /** Each aspect that differs, as {@code aspect: before → after}. */
    public record EntitlementChange(String entitlement, List<String> changes) {
    }

    public static PolicyDiff between(AccessPolicy before, AccessPolicy after) {
        List<RuleChange> rules = ruleChanges(before, after);
        Set<String> changedRules = rules.stream().filter(rule -> rule.change().equals("CHANGED")).map(RuleChange::ruleId).collect(Collectors.toSet());
        return new PolicyDiff(rules, entitlementChanges(before, after, changedRules), sodChanges(before, after));
    }

    private static List<RuleChange> ruleChanges(AccessPolicy before, AccessPolicy after) {
        Map<String, BirthrightRule> old = byId(before.rules());
        Map<String, BirthrightRule> now = byId(after.rules());
        Set<String> ids = new TreeSet<>(old.keySet());
        ids.addAll(now.keySet());
        List<RuleChange> changes = new ArrayList<>();
        for (String id : ids) {
            BirthrightRule was = old.get(id);
            BirthrightRule is = now.get(id);
            String change = was == null ? "ADDED" : is == null ? "REMOVED" : !was.equals(is) ? "CHANGED" : null;
            if (change != null) {
                changes.add(new RuleChange(id, change, conditions(was), conditions(is), grants(was), grants(is)));
            }
        }
        return changes;
    }

    private static List<EntitlementChange> entitlementChanges(AccessPolicy before, AccessPolicy after, Set<String> changedRules) {
        Set<EntitlementId> all = new TreeSet<>(java.util.Comparator.comparing(EntitlementId::value));
        all.addAll(before.entitlements());
        all.addAll(after.entitlements());
        List<EntitlementChange> changes = new ArrayList<>();
        for (EntitlementId entitlement : all) {
            List<String> differences = new ArrayList<>();
            compare(differences, "in catalogue", before.entitlements().contains(entitlement), after.entitlements().contains(entitlement));
            compare(differences, "requires approval", before.requiresApproval(entitlement), after.requiresApproval(entitlement));
            Set<String> grantedBefore = grantingRules(before, entitlement);
            Set<String> grantedAfter = grantingRules(after, entitlement);
            compare(differences, "granted by", grantedBefore, grantedAfter);
            Set<String> changedGranting = new TreeSet<>(grantedBefore);
            changedGranting.retainAll(grantedAfter);
            changedGranting.retainAll(changedRules);
            if (!changedGranting.isEmpty()) {
                differences.add("granting rules changed: " + changedGranting);
            }
            compare(differences, "suspended on leave", before.suspendedOnLeave(entitlement), after.suspendedOnLeave(entitlement));
            compare(differences, "never for contractors", before.neverForContractors(entitlement), after.neverForContractors(entitlement));
            if (!differences.isEmpty()) {
                changes.add(new EntitlementChange(entitlement.value(), differences));
            }
        }
        return changes;
    }

    private static List<String> sodChanges(AccessPolicy before, AccessPolicy after) {
        Set<String> old = before.segregationOfDuties().stream().map(PolicyDiff::describe).collect(Collectors.toCollection(TreeSet::new));
        Set<String> now = after.segregationOfDuties().stream().map(PolicyDiff::describe).collect(Collectors.toCollection(TreeSet::new));
        List<String> changes = new ArrayList<>();
        old.stream().filter(rule -> !now.contains(rule)).forEach(rule -> changes.add("removed " + rule));
        now.stream().filter(rule -> !old.contains(rule)).forEach(rule -> changes.add("added " + rule));
        return changes;
    }

    private static void compare(List<String> differences, String aspect, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            differences.add(aspect + ": " + before + " → " + after);
        }
    }

    private static Set<String> grantingRules(AccessPolicy policy, EntitlementId entitlement) {
        return policy.rules().stream().filter(rule -> rule.grants().contains(entitlement)).map(BirthrightRule::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, BirthrightRule> byId(List<BirthrightRule> rules) {
        return rules.stream().collect(Collectors.toMap(BirthrightRule::id, Function.identity(), (first, second) -> first, TreeMap::new));
    }

    private static List<String> conditions(BirthrightRule rule) {
        return rule == null ? null : rule.conditions().stream().map(Condition::describe).toList();
    }

    private static Set<String> grants(BirthrightRule rule) {
        return rule == null ? null : rule.grants().stream().map(EntitlementId::value).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String describe(SodRule rule) {
        return rule.id() + " (" + rule.first().value() + " / " + rule.second().value() + ")";
    }
}
