package org.accessledger.connector.targets;

import org.accessledger.connector.ldap.LdapSettings;
import org.accessledger.connector.scim.ScimSettings;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One target under {@code accessledger.targets.<name>}. {@code type} chooses the connector; the LDAP fields
 * ({@code url}, {@code bind-dn}, …) or SCIM fields ({@code base-url}, {@code token}, …) configure it. Secrets belong in
 * environment variables, referenced as {@code ${VARIABLE}}.
 *
 * @param entitlements patterns of the entitlements this target carries: {@code *}, {@code crm:*} or an exact id
 * @param concurrency  how many workers' changes go to this target at once: its provisioning processor's segments and
 *                     threads, and an LDAP target's pooled connections. The segments are fixed when the processor first
 *                     stores its tokens; a later change needs the segments split or merged to take effect.
 * @param ownerAttribute LDAP: the attribute naming the worker an account belongs to (an account naming another is never changed)
 * @param managerReference whether accounts carry a reference to the manager's account (SCIM: its id; LDAP: its DN)
 * @param pageSize LDAP: entries per page when reconciliation reads the directory
 * @param reconciliation how and when the target is compared with the desired state and repaired
 * @param safeguard how many deprovisioning operations may go to the target within a window before it holds them
 */
public record TargetSettings(Type type,
                             @DefaultValue("*") List<String> entitlements,
                             String url,
                             String bindDn,
                             String bindPassword,
                             String peopleBase,
                             String groupDnTemplate,
                             @DefaultValue Map<String, String> groups,
                             @DefaultValue("remove-memberships") LdapSettings.DisableMode disable,
                             String disabledBase,
                             @DefaultValue("cn=nobody") String emptyGroupMember,
                             String baseUrl,
                             String token,
                             @DefaultValue("{application}-{entitlement}") String groupNameTemplate,
                             @DefaultValue Retry retry,
                             @DefaultValue("" + TargetSettings.DEFAULT_CONCURRENCY) int concurrency,
                             @DefaultValue("employeeNumber") String ownerAttribute,
                             @DefaultValue("true") boolean managerReference,
                             @DefaultValue("500") int pageSize,
                             @DefaultValue ReconciliationSettings reconciliation,
                             @DefaultValue SafeguardSettings safeguard) {

    /**
     * Eight: at 20,000 workers against slapd every account was in place after 353 and 372 s, after 409 and 412 s with
     * four, which left the app and slapd waiting on each other late in the load (two runs each, one machine).
     */
    public static final int DEFAULT_CONCURRENCY = 8;

    public enum Type {
        LDAP, SCIM
    }

    /** Transient failures are retried {@code maxAttempts} times in all, backing off exponentially with jitter. */
    public record Retry(@DefaultValue("6") int maxAttempts,
                        @DefaultValue("200ms") Duration initialBackoff,
                        @DefaultValue("5s") Duration maxBackoff) {

        /** What a target without {@code retry} binds to. */
        public static final Retry DEFAULT = new Retry(6, Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    /** An LDAP target, as {@code accessledger.targets.<name>} with {@code type: ldap} would bind it. */
    public static TargetSettings ofLdap(List<String> entitlements, LdapSettings ldap, Retry retry) {
        return new TargetSettings(Type.LDAP, entitlements, ldap.url(), ldap.bindDn(), ldap.bindPassword(), ldap.peopleBase(),
                ldap.groupDnTemplate(), ldap.groups(), ldap.disable(), ldap.disabledBase(), ldap.emptyGroupMember(),
                null, null, null, retry, DEFAULT_CONCURRENCY, ldap.ownerAttribute(), ldap.managerReference(), ldap.pageSize(),
                ReconciliationSettings.DEFAULT, SafeguardSettings.DEFAULT);
    }

    /** A SCIM target, as {@code accessledger.targets.<name>} with {@code type: scim} would bind it. */
    public static TargetSettings ofScim(List<String> entitlements, ScimSettings scim, Retry retry) {
        return new TargetSettings(Type.SCIM, entitlements, null, null, null, null, null, scim.groups(), null, null, null,
                scim.baseUrl(), scim.token(), scim.groupNameTemplate(), retry, DEFAULT_CONCURRENCY, "employeeNumber", scim.managerReference(), 500,
                ReconciliationSettings.DEFAULT, SafeguardSettings.DEFAULT);
    }

    /** The same target reconciled and safeguarded as given. */
    public TargetSettings with(ReconciliationSettings reconciliation, SafeguardSettings safeguard) {
        return new TargetSettings(type, entitlements, url, bindDn, bindPassword, peopleBase, groupDnTemplate, groups, disable, disabledBase,
                emptyGroupMember, baseUrl, token, groupNameTemplate, retry, concurrency, ownerAttribute, managerReference, pageSize,
                reconciliation, safeguard);
    }

    /** Whether this target carries {@code entitlement} (application:entitlement). */
    public boolean carries(String entitlement) {
        return entitlements.stream().anyMatch(pattern -> pattern.equals("*") || pattern.equals(entitlement)
                || (pattern.endsWith(":*") && entitlement.startsWith(pattern.substring(0, pattern.length() - 1))));
    }

    LdapSettings ldap() {
        return new LdapSettings(url, bindDn, bindPassword, peopleBase, groupDnTemplate, groups, disable, disabledBase, emptyGroupMember,
                ownerAttribute, managerReference, pageSize);
    }

    ScimSettings scim() {
        return new ScimSettings(baseUrl, token, groupNameTemplate, groups, managerReference);
    }
}
