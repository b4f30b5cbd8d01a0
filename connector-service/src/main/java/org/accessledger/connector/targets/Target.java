package org.accessledger.connector.targets;

import org.accessledger.connector.spi.Connector;
import org.accessledger.connector.spi.DisableAccountOp;

/** A configured target: its name, settings and open connector. */
public record Target(String name, TargetSettings settings, Connector connector) {

    /** The processing group that provisions this target; its position in the event stream is the target's queue. */
    public String processingGroup() {
        return "provisioning-" + name;
    }

    /** Whether disabling an account here removes its entitlements too (LDAP leaves every group; SCIM only deactivates). */
    public boolean disablingRemovesEntitlements() {
        return connector instanceof DisableAccountOp disable && disable.disablingRemovesEntitlements();
    }
}
