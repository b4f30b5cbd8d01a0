package org.accessledger.api.worker;

/** Kind of employment; a contractor always has a contract end date. */
public enum WorkerType {
    EMPLOYEE,
    CONTRACTOR,
    INTERN
}
