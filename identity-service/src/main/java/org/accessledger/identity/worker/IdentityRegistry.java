package org.accessledger.identity.worker;

import org.accessledger.api.worker.WorkerId;

import java.util.Locale;
import java.util.Optional;

/**
 * The set-based half of the duplicate-identity rules: who, among workers not terminated, has a work e-mail, and which
 * worker ever had a worker id that differs from another only in case.
 */
public interface IdentityRegistry {

    Optional<WorkerId> holderOf(String email);

    /** The worker whose id equals {@code id} ignoring case, if one was ever hired; it may be {@code id} itself. */
    Optional<WorkerId> holderOfIdIgnoringCase(WorkerId id);

    static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    static String folded(WorkerId id) {
        return id.value().toLowerCase(Locale.ROOT);
    }
}
