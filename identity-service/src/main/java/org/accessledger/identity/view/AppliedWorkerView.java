package org.accessledger.identity.view;

/** A worker's view with the sequence number of the last of the worker's events it applied. */
public record AppliedWorkerView(WorkerView view, long appliedSequence) {
}
