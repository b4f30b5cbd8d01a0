package org.accessledger.identity.privacy;

import org.accessledger.api.worker.PersonalDataErased;
import org.accessledger.platform.privacy.PersonalDataVault;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Destroys the key of every erased worker, from the event: also after a crash right after the erasure was recorded. */
@Component
@ProcessingGroup(PersonalDataShredder.GROUP)
public class PersonalDataShredder {

    public static final String GROUP = "personal-data-erasure";

    private final PersonalDataVault vault;

    public PersonalDataShredder(PersonalDataVault vault) {
        this.vault = vault;
    }

    @EventHandler
    void on(PersonalDataErased event) {
        if (vault.enabled()) {
            vault.erase(event.workerId().value(), event.effectiveAt());
        }
    }
}
