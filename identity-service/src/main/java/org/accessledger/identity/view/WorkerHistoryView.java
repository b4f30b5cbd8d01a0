package org.accessledger.identity.view;

import java.util.List;

/** A worker's whole history, oldest event first. */
public record WorkerHistoryView(String workerId, List<HistoryEntry> events) {
}
