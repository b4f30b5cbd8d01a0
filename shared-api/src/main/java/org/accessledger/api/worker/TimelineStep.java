package org.accessledger.api.worker;

/** A change that takes effect on the corrected timeline, with the worker's status and assignment right after it. */
public record TimelineStep(TimelineChange change, WorkerStatus status, Assignment assignment) {
}
