package org.accessledger.api.access;

import org.accessledger.api.worker.WorkerId;

/** Access profiles share the event store with workers, so their aggregate ids carry a prefix. */
public final class AccessProfiles {

    private static final String PREFIX = "access:";

    private AccessProfiles() {
    }

    public static String idOf(WorkerId workerId) {
        return PREFIX + workerId.value();
    }
}
