package org.accessledger.api.access;

import org.accessledger.api.WorkerScoped;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A retroactive HR change showed that over [{@code from}, {@code until}) the worker held an entitlement the corrected
 * timeline does not justify, or lacked one it does. A fact about the past: no target is changed by it (the net change
 * now is decided as usual). A later correction covering the same period supersedes it.
 *
 * @param correctedBy  the HR event whose arrival corrected the timeline
 * @param causeEventId the worker event that recorded the corrected timeline
 * @param reason       why the entitlement was held (for a holding without justification) or would have been (for a missing one)
 */
@Revision("1")
public record AccessPeriodCorrected(WorkerId workerId,
                                    EntitlementId entitlement,
                                    Instant from,
                                    Instant until,
                                    Correction correction,
                                    HrEventId correctedBy,
                                    String causeEventId,
                                    AccessReason reason) implements WorkerScoped {

    public enum Correction {
        /** Held though the corrected timeline gives no reason for it. */
        HELD_WITHOUT_JUSTIFICATION,
        /** Not held though the corrected timeline justifies it. */
        MISSING
    }
}
