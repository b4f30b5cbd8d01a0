package org.accessledger.identity.hr;

/** The kinds of HR event the intake accepts. */
public enum HrEventType {
    HIRE,
    REHIRE,
    ASSIGNMENT_CHANGE,
    LEAVE_START,
    LEAVE_END,
    CONTRACT_EXTENSION,
    TERMINATION,
    HIRE_CANCELLATION,
    CHANGE_CANCELLATION,
    CORRECTION,
    RESCIND
}
