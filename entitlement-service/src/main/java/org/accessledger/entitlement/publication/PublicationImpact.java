package org.accessledger.entitlement.publication;

import java.util.Map;
import java.util.Optional;

/**
 * What publishing a document would change, as the publication guard weighs it; answered by whoever can simulate
 * policies (the simulations), so this package need not know how.
 */
public interface PublicationImpact {

    /** What the document would change now, whether that trips the guard, and the summary to show. */
    Assessment assess(String document);

    /**
     * The finished simulation {@code simulationId} of this very document, recent enough to stand for today's workforce;
     * empty, with the reason, otherwise.
     */
    Optional<String> refusalToConfirm(String simulationId, String documentHash);

    /** {@code limits}: the guard's limits in words. */
    record Assessment(int revocations, int workersLosing, int workers, boolean trips, String limits, Map<String, Object> summary) {
    }
}
