package org.accessledger.entitlement.policy;

import java.time.Instant;
import java.util.List;

/** The access policy in force: the latest published version, and the versions in force over a window of the past. */
public interface CurrentPolicy {

    PolicyVersion current();

    /**
     * The version in force at {@code from} (since then), then each version published before {@code until}, oldest
     * first. Where no history is kept, the current version for the whole window.
     */
    default List<PolicyPeriod> inForceBetween(Instant from, Instant until) {
        return List.of(new PolicyPeriod(from, current()));
    }
}
