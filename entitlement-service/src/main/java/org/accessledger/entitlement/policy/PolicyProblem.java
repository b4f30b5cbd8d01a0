package org.accessledger.entitlement.policy;

/** One fault of a policy document, at a path such as {@code rules[2].when.department}. */
public record PolicyProblem(String path, String message) {
}
