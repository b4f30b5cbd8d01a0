package org.accessledger.connector.spi;

import java.util.List;
import java.util.function.Supplier;

/**
 * The target ids of the groups that stand for each entitlement in one target, remembered so that a connector finds
 * or creates a group once and never searches for it by name again. An implementation shared by every instance of
 * AccessLedger also makes {@link #resolveOnce} exclusive across instances.
 *
 * <p>The first id is the group grants go to; any others are duplicates found in the target (made by hand, or by an
 * earlier version), from which revocations remove the member too.
 */
public interface GroupIds {

    /** The remembered ids for the entitlement; empty when none is remembered. */
    List<String> of(String entitlement);

    /**
     * The remembered ids, or else what {@code resolve} finds or creates, remembered before it is returned. Only one
     * {@code resolve} for an entitlement runs at a time; the others wait for it and get what it remembered.
     */
    List<String> resolveOnce(String entitlement, Supplier<List<String>> resolve);

    /** Drops what is remembered, when the target no longer has the group. */
    void forget(String entitlement);
}
