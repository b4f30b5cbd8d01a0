package org.accessledger.connector.ldap;

import java.util.Map;

/**
 * How a target directory is reached and laid out.
 *
 * @param groupDnTemplate  group DN for entitlements not in {@code groups}; {@code {application}} and {@code {entitlement}}
 *                         are replaced by the parts of the entitlement id
 * @param emptyGroupMember put in a groupOfNames whose last member leaves, since the schema needs at least one member
 * @param disabledBase     where {@link DisableMode#MOVE_TO_OU} moves disabled accounts
 * @param ownerAttribute   the attribute naming the worker an account belongs to; an account whose value names another
 *                         worker is never changed
 * @param managerReference whether accounts carry {@code manager}, the DN the manager's account has under the people base
 * @param pageSize         entries per page when reconciliation reads the directory (Simple Paged Results)
 */
public record LdapSettings(String url,
                           String bindDn,
                           String bindPassword,
                           String peopleBase,
                           String groupDnTemplate,
                           Map<String, String> groups,
                           DisableMode disable,
                           String disabledBase,
                           String emptyGroupMember,
                           String ownerAttribute,
                           boolean managerReference,
                           int pageSize) {

    /** What disabling an account means in this directory. */
    public enum DisableMode {
        /** Remove every group membership and mark the entry disabled ({@code description: accessledger:disabled}). */
        REMOVE_MEMBERSHIPS,
        /** Remove every group membership and move the entry under {@code disabledBase}. */
        MOVE_TO_OU,
        /** Remove every group membership and delete the entry. */
        DELETE
    }
}
