package org.accessledger.connector.account;

import org.accessledger.api.privacy.PersonalData;
import org.accessledger.api.WorkerScoped;
import org.accessledger.api.worker.WorkerId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A reconciliation found a worker's account in a target differing from the desired state. {@code subject} is the
 * entitlement or attribute concerned (absent for the account itself); {@code expected} comes with its {@code reason}
 * (the grant's HR event, rule and policy version, or the end of the employment). {@code repair}: the target is in
 * remediate mode, and the target's provisioning carries out the repair, in order with the worker's other changes.
 */
@Revision("1")
public record DriftFound(String findingId,
                         String reconciliationId,
                         WorkerId workerId,
                         String target,
                         String accountName,
                         DriftKind kind,
                         String subject,
                         @PersonalData String expected,
                         @PersonalData String actual,
                         String reason,
                         boolean repair,
                         Instant at) implements WorkerScoped {
}
