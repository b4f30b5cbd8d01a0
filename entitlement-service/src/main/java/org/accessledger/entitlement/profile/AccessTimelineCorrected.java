package org.accessledger.entitlement.profile;

import org.accessledger.api.WorkerScoped;
import org.accessledger.api.worker.HrEventId;
import org.accessledger.api.worker.WorkerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The worker's access over [{@code effectiveAt}, {@code correctedAt}) re-decided on a corrected timeline, period by
 * period. As known now it replaces, for that window, what the decisions recorded then say; the access in effect from
 * {@code correctedAt} is what the decisions recorded with it say. Nothing is provisioned for the past.
 */
@Revision("1")
public record AccessTimelineCorrected(WorkerId workerId,
                                      String causeEventId,
                                      HrEventId hrEventId,
                                      Instant effectiveAt,
                                      Instant correctedAt,
                                      List<AccessSnapshot> periods) implements WorkerScoped {
}
