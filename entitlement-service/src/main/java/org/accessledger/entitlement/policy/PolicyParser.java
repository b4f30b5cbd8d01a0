package org.accessledger.entitlement.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.accessledger.api.access.EntitlementId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.accessledger.entitlement.policy.PolicyDocument.*;

/** Reads a policy document from YAML and checks it whole: every fault is reported with its path. */
public final class PolicyParser {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final List<PolicyProblem> problems = new ArrayList<>();
    private final Map<EntitlementId, Boolean> catalogue = new LinkedHashMap<>();
    private final Map<String, Set<EntitlementId>> bundles = new LinkedHashMap<>();
    private final Set<String> bundleIds = new HashSet<>();

    private PolicyParser() {
    }

    public static AccessPolicy parse(String yaml) {
        return new PolicyParser().read(yaml);
    }

    private AccessPolicy read(String yaml) {
        PolicyDocument document = readDocument(yaml);
        catalogue(document.applications());
        List<BundleSpec> bundleSpecs = orEmpty(document.bundles());
        for (int i = 0; i < bundleSpecs.size(); i++) {
            bundle(bundleSpecs.get(i), "bundles[" + i + "]");
        }
        List<BirthrightRule> rules = new ArrayList<>();
        Set<String> ruleIds = new HashSet<>();
        List<RuleSpec> ruleSpecs = orEmpty(document.rules());
        for (int i = 0; i < ruleSpecs.size(); i++) {
            BirthrightRule rule = rule(ruleSpecs.get(i), "rules[" + i + "]", ruleIds);
            if (rule != null) {
                rules.add(rule);
            }
        }
        List<SodRule> sod = new ArrayList<>();
        Set<String> sodIds = new HashSet<>();
        List<SodSpec> sodSpecs = orEmpty(document.segregationOfDuties());
        for (int i = 0; i < sodSpecs.size(); i++) {
            SodRule rule = sod(sodSpecs.get(i), "segregationOfDuties[" + i + "]", sodIds);
            if (rule != null) {
                sod.add(rule);
            }
        }
        Set<EntitlementId> leaveSuspends = references(document.leaveSuspends(), "leaveSuspends");
        Set<EntitlementId> contractorsNever = references(document.contractorsNever(), "contractorsNever");
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        return new AccessPolicy(document.name(), catalogue, rules, sod, leaveSuspends, contractorsNever);
    }

    private PolicyDocument readDocument(String yaml) {
        try {
            PolicyDocument document = yaml == null || yaml.isBlank() ? null : YAML.readValue(yaml, PolicyDocument.class);
            if (document == null) {
                throw new InvalidPolicyException(List.of(new PolicyProblem("(document)", "is empty")));
            }
            return document;
        } catch (JsonMappingException e) {
            if (!e.getPath().isEmpty()) {
                throw new InvalidPolicyException(List.of(new PolicyProblem(pathOf(e), e.getOriginalMessage())));
            }
            throw new InvalidPolicyException(List.of(new PolicyProblem("(document)", "is not valid YAML: " + e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            throw new InvalidPolicyException(List.of(new PolicyProblem("(document)", "is not valid YAML: " + e.getOriginalMessage())));
        }
    }

    private void catalogue(List<ApplicationSpec> applications) {
        if (applications == null || applications.isEmpty()) {
            fail("applications", "must list at least one application");
            return;
        }
        Set<String> appIds = new HashSet<>();
        for (int i = 0; i < applications.size(); i++) {
            ApplicationSpec app = applications.get(i);
            String path = "applications[" + i + "]";
            if (!id(app.id(), path + ".id", appIds)) {
                continue;
            }
            if (app.entitlements() == null || app.entitlements().isEmpty()) {
                fail(path + ".entitlements", "must list at least one entitlement");
                continue;
            }
            Set<String> entitlementIds = new HashSet<>();
            for (int j = 0; j < app.entitlements().size(); j++) {
                EntitlementSpec spec = app.entitlements().get(j);
                if (id(spec.id(), path + ".entitlements[" + j + "].id", entitlementIds)) {
                    catalogue.put(EntitlementId.of(app.id(), spec.id()), Boolean.TRUE.equals(spec.requiresApproval()));
                }
            }
        }
    }

    private void bundle(BundleSpec spec, String path) {
        if (!id(spec.id(), path + ".id", bundleIds)) {
            return;
        }
        if (spec.entitlements() == null || spec.entitlements().isEmpty()) {
            fail(path + ".entitlements", "must list at least one entitlement");
        }
        bundles.put(spec.id(), references(spec.entitlements(), path + ".entitlements"));
    }

    private BirthrightRule rule(RuleSpec spec, String path, Set<String> ruleIds) {
        boolean valid = id(spec.id(), path + ".id", ruleIds);
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, ConditionSpec> entry : (spec.when() == null ? Map.<String, ConditionSpec>of() : spec.when()).entrySet()) {
            Condition condition = condition(entry.getKey(), entry.getValue(), path + ".when." + entry.getKey());
            valid &= condition != null;
            conditions.add(condition);
        }
        Set<EntitlementId> grants = new LinkedHashSet<>(references(spec.entitlements(), path + ".entitlements"));
        List<String> bundleRefs = orEmpty(spec.bundles());
        for (int i = 0; i < bundleRefs.size(); i++) {
            Set<EntitlementId> bundle = bundles.get(bundleRefs.get(i));
            if (bundle == null) {
                fail(path + ".bundles[" + i + "]", "names no bundle '" + bundleRefs.get(i) + "'");
            } else {
                grants.addAll(bundle);
            }
        }
        if (orEmpty(spec.entitlements()).isEmpty() && bundleRefs.isEmpty()) {
            fail(path, "must grant at least one entitlement or bundle");
        }
        return valid ? new BirthrightRule(spec.id(), conditions, grants) : null;
    }

    private Condition condition(String key, ConditionSpec spec, String path) {
        Condition.Attribute attribute = null;
        for (Condition.Attribute candidate : Condition.Attribute.values()) {
            if (candidate.key.equals(key)) {
                attribute = candidate;
            }
        }
        if (attribute == null) {
            fail(path, "is not a worker attribute; use workerType, department, jobCode, location or costCenter");
            return null;
        }
        int operators = (spec == null ? 0 : (spec.equals() != null ? 1 : 0) + (spec.oneOf() != null ? 1 : 0) + (spec.prefix() != null ? 1 : 0));
        if (operators != 1) {
            fail(path, "must have exactly one of equals, oneOf, prefix");
            return null;
        }
        Condition condition = spec.equals() != null ? new Condition(attribute, Condition.Operator.EQUALS, List.of(spec.equals()))
                : spec.prefix() != null ? new Condition(attribute, Condition.Operator.PREFIX, List.of(spec.prefix()))
                : new Condition(attribute, Condition.Operator.ONE_OF, List.copyOf(spec.oneOf()));
        if (condition.values().isEmpty() || condition.values().stream().anyMatch(value -> value == null || value.isBlank())) {
            fail(path, "needs non-blank values");
            return null;
        }
        if (attribute == Condition.Attribute.WORKER_TYPE && !condition.values().stream().allMatch(Condition::isWorkerType)) {
            fail(path, "workerType values must be EMPLOYEE, CONTRACTOR or INTERN");
            return null;
        }
        return condition;
    }

    private SodRule sod(SodSpec spec, String path, Set<String> sodIds) {
        boolean valid = id(spec.id(), path + ".id", sodIds);
        List<String> pair = orEmpty(spec.entitlements());
        if (pair.size() != 2 || pair.get(0).equals(pair.get(1))) {
            fail(path + ".entitlements", "must name exactly two different entitlements");
            return null;
        }
        List<EntitlementId> sides = new ArrayList<>(references(pair, path + ".entitlements"));
        return valid && sides.size() == 2 ? new SodRule(spec.id(), sides.get(0), sides.get(1)) : null;
    }

    private Set<EntitlementId> references(List<String> references, String path) {
        Set<EntitlementId> resolved = new LinkedHashSet<>();
        List<String> list = orEmpty(references);
        for (int i = 0; i < list.size(); i++) {
            String reference = list.get(i);
            if (!EntitlementId.isValid(reference) || !catalogue.containsKey(EntitlementId.of(reference))) {
                fail(path + "[" + i + "]", "names no entitlement '" + reference + "' of the applications above");
            } else if (!resolved.add(EntitlementId.of(reference))) {
                fail(path + "[" + i + "]", "names '" + reference + "' twice");
            }
        }
        return resolved;
    }

    private boolean id(String id, String path, Set<String> seen) {
        if (id == null || !ID.matcher(id).matches()) {
            fail(path, "must be 1-64 characters of a-z 0-9 . _ - starting with a letter or digit");
            return false;
        }
        if (!seen.add(id)) {
            fail(path, "'" + id + "' is used twice");
            return false;
        }
        return true;
    }

    private void fail(String path, String message) {
        problems.add(new PolicyProblem(path, message));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }


    /** Where in the document Jackson complained, as {@code rules[2].when.department}. */
    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(document)" : path.toString();
    }
}
