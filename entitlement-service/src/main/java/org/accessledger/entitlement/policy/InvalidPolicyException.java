package org.accessledger.entitlement.policy;

import java.util.List;

/** A policy document that cannot be published; every fault is listed. */
public class InvalidPolicyException extends RuntimeException {

    private final List<PolicyProblem> problems;

    public InvalidPolicyException(List<PolicyProblem> problems) {
        super("The access policy has " + problems.size() + " fault(s): " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
