package org.accessledger.identity.worker;

import org.accessledger.api.worker.WorkerId;

import java.util.Optional;

/** The set-based half of the duplicate-identity rule: who, among workers not terminated, has a work e-mail. */
public interface IdentityRegistry {

    Optional<WorkerId> holderOf(String email);

    static String normalise(String email) {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
