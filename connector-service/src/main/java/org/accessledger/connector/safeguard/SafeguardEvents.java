package org.accessledger.connector.safeguard;

import org.axonframework.serialization.Revision;

import java.time.Duration;
import java.time.Instant;

/** Tripping and releasing a target's safeguard, with who and why. */
public final class SafeguardEvents {

    private SafeguardEvents() {
    }

    /** {@code counted} deprovisioning operations within {@code window} would have passed {@code limit}. */
    @Revision("1")
    public record SafeguardTripped(String target, long counted, int limit, Duration window, Instant at) {
    }

    /** {@code releasedBy} let the {@code held} workers' deprovisioning go, saying {@code reason}. */
    @Revision("1")
    public record SafeguardReleased(String target, String releasedBy, String reason, long held, Instant at) {
    }
}
