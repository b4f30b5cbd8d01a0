package org.accessledger.api.worker;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A retroactive change: HR changed the employment's timeline before changes already in effect, and the worker's
 * timeline was re-folded from {@code effectiveAt}. {@code steps} replace every step effective from that instant up to
 * {@code correctedAt}; {@code voided} are changes that took effect once and that the corrected timeline voids (a move
 * after a back-dated termination): they stay on the timeline, and take effect again if a later correction makes room
 * for them. {@code status} and {@code assignment} are the state now.
 */
@Revision("1")
public record WorkerTimelineCorrected(WorkerId workerId,
                                      HrEventId hrEventId,
                                      Instant effectiveAt,
                                      Instant correctedAt,
                                      TimelineEdit edit,
                                      LocalDate startDate,
                                      Assignment hiredAs,
                                      List<TimelineStep> steps,
                                      List<TimelineChange> voided,
                                      WorkerStatus status,
                                      Assignment assignment) implements WorkerEvent {
}
