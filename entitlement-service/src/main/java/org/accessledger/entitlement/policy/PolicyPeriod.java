package org.accessledger.entitlement.policy;

import java.time.Instant;

/** A policy version and the instant from which it was in force. */
public record PolicyPeriod(Instant since, PolicyVersion version) {
}
