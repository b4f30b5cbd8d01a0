package org.accessledger.entitlement.policy;

import org.accessledger.api.worker.Assignment;
import org.accessledger.api.worker.WorkerType;

import java.util.List;
import java.util.function.Function;

/** One test of a birthright rule on one worker attribute: equals, one-of or prefix. */
record Condition(Attribute attribute, Operator operator, List<String> values) {

    enum Operator {
        EQUALS, ONE_OF, PREFIX
    }

    /** The worker attributes a rule can test, by their name in the policy document. */
    enum Attribute {
        WORKER_TYPE("workerType", facts -> facts.workerType() == null ? null : facts.workerType().name()),
        DEPARTMENT("department", facts -> assignment(facts, Assignment::department)),
        JOB_CODE("jobCode", facts -> assignment(facts, Assignment::jobCode)),
        LOCATION("location", facts -> assignment(facts, Assignment::location)),
        COST_CENTER("costCenter", facts -> assignment(facts, Assignment::costCenter));

        final String key;
        private final Function<WorkerFacts, String> read;

        Attribute(String key, Function<WorkerFacts, String> read) {
            this.key = key;
            this.read = read;
        }

        String of(WorkerFacts facts) {
            return read.apply(facts);
        }

        private static String assignment(WorkerFacts facts, Function<Assignment, String> field) {
            return facts.assignment() == null ? null : field.apply(facts.assignment());
        }
    }

    boolean matches(WorkerFacts facts) {
        String actual = attribute.of(facts);
        if (actual == null) {
            return false;
        }
        return switch (operator) {
            case EQUALS, ONE_OF -> values.contains(actual);
            case PREFIX -> actual.startsWith(values.get(0));
        };
    }

    /** As a policy author reads it: {@code department equals [Finance]}. */
    String describe() {
        return attribute.key + " " + operator.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + values;
    }

    static boolean isWorkerType(String value) {
        for (WorkerType type : WorkerType.values()) {
            if (type.name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
