package org.accessledger.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import org.accessledger.connector.spi.EntitlementTemplate;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Which groupOfNames stands for which entitlement: explicit mappings first, the DN template for the rest. */
final class GroupMapping {

    /** Groups AccessLedger creates say which entitlement they stand for, since a DN template cannot be read back reliably. */
    static final String DESCRIPTION_PREFIX = "accessledger:entitlement=";

    private final EntitlementTemplate template;
    private final Map<String, DN> explicit = new HashMap<>();
    private final Map<DN, String> reverse = new HashMap<>();

    GroupMapping(String template, Map<String, String> groups) {
        this.template = new EntitlementTemplate(template);
        groups.forEach((entitlement, dn) -> {
            DN parsed = parse(dn);
            explicit.put(entitlement, parsed);
            reverse.put(parsed, entitlement);
        });
    }

    DN groupOf(String entitlement) {
        DN mapped = explicit.get(entitlement);
        if (mapped != null) {
            return mapped;
        }
        return parse(template.nameOf(entitlement));
    }

    /** The entitlement a group stands for, if it is one of AccessLedger's. */
    Optional<String> entitlementOf(com.unboundid.ldap.sdk.Entry entry) {
        String description = entry.getAttributeValue("description");
        if (description != null && description.startsWith(DESCRIPTION_PREFIX)) {
            return Optional.of(description.substring(DESCRIPTION_PREFIX.length()));
        }
        DN group = parse(entry.getDN());
        String mapped = reverse.get(group);
        if (mapped != null) {
            return Optional.of(mapped);
        }
        return template.entitlementOf(group.toString());
    }

    /** The base under which AccessLedger's groups live, for membership searches. */
    DN groupsBase() {
        return groupOf("application:entitlement").getParent();
    }

    private static DN parse(String dn) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("'" + dn + "' is not a valid DN", e);
        }
    }
}
