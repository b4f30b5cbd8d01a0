package org.accessledger.connector.account;

import org.accessledger.api.WorkerScoped;
import org.accessledger.api.worker.WorkerId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * What became of a finding's repair: {@code REPAIRED}, {@code HELD} by the mass-change safeguard, {@code FAILED}
 * (the provisioning outcome names the cause), or {@code UNNEEDED} when the desired state had changed to match the
 * target by the time the repair's turn came.
 */
@Revision("1")
public record DriftRepaired(String findingId, String reconciliationId, WorkerId workerId, String target, Outcome outcome, Instant at)
        implements WorkerScoped {

    public enum Outcome {
        REPAIRED, HELD, FAILED, UNNEEDED
    }
}
