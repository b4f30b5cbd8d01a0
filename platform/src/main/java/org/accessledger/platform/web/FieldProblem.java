package org.accessledger.platform.web;

/**
 * One fault in a request: the field (dotted path in the HR contract, {@code events[2].worker.email}), the rule it
 * breaks, and the fault in words.
 */
public record FieldProblem(String field, String rule, String detail) {
}
