package org.accessledger.api.access;

import org.accessledger.api.WorkerScoped;

import java.time.Instant;

/** A decision about one entitlement of one worker, with the instant it holds from and its reason. */
public interface AccessEvent extends WorkerScoped {

    EntitlementId entitlement();

    Instant effectiveAt();

    AccessReason reason();
}
