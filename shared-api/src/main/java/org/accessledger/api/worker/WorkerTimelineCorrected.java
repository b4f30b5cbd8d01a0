package org.accessledger.api.worker;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A retroactive change: HR changed the employment's timeline before changes already in effect, and the worker's
 * timeline was re-folded from {@code effectiveAt}. {@code steps} replace every step effective from that instant up to
 * {@code correctedAt}; {@code voided} are changes in effect before that the corrected timeline no longer lets take
 * effect (a move after a back-dated termination). {@code status} and {@code assignment} are the state now.
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
