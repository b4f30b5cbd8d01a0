package org.accessledger.connector.reconciliation;

import org.accessledger.connector.account.DriftKind;

/** One difference between a target's account and the desired state, before it is recorded. */
record Finding(DriftKind kind, String subject, String expected, String actual, String reason) {
}
