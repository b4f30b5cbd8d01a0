package org.accessledger.identity.view;

import java.util.List;

/** One page of the worker list; {@code next} is the {@code after} of the next page, absent on the last. */
public record WorkerPage(List<WorkerView> items, String next) {
}
