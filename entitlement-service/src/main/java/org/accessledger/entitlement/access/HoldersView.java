package org.accessledger.entitlement.access;

import java.time.Instant;
import java.util.List;

/** Who holds an entitlement now. */
public record HoldersView(String entitlement, Instant asOf, List<HolderView> holders) {
}
