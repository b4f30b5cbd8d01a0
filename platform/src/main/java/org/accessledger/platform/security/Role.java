package org.accessledger.platform.security;

/** What a caller of the HTTP API may do. */
public enum Role {
    /** Sends HR events. */
    HR_ADAPTER,
    /** Reads state, history and access. */
    AUDITOR,
    /** Everything, including policy and approvals. */
    ADMIN
}
