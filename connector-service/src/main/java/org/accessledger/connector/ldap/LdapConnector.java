package org.accessledger.connector.ldap;

import com.unboundid.ldap.sdk.*;
import org.accessledger.connector.spi.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts as inetOrgPerson entries ({@code uid} = worker id) under the people base, entitlements as groupOfNames
 * memberships. Every DN is built from RDN objects and every filter value encoded by the SDK, so names such as
 * {@code O'Brien, Jr. (ops)*} are stored literally.
 */
public class LdapConnector implements Connector, CreateAccountOp, UpdateAccountOp, DisableAccountOp, DeleteAccountOp,
        AddEntitlementOp, RemoveEntitlementOp, ReadAccountOp, ListAccountsOp, TestOp {

    static final String DISABLED_MARK = "accessledger:disabled";
    private static final String[] ACCOUNT_ATTRIBUTES = {"uid", "description"};

    private final String name;
    private final LdapSettings settings;
    private final LDAPConnectionPool pool;
    private final GroupMapping groups;
    private final DN peopleBase;
    private final MemberChanges members;

    /** {@code connections}: at most this many requests at once, one per provisioning thread. */
    public LdapConnector(String name, LdapSettings settings, int connections) {
        this.name = name;
        this.settings = settings;
        this.groups = new GroupMapping(settings.groupDnTemplate(), settings.groups());
        this.peopleBase = LdapCalls.dn(settings.peopleBase());
        this.pool = LdapCalls.pool(settings, connections);
        this.members = new MemberChanges(pool);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void createAccount(AccountSpec account) {
        LdapCalls.run(() -> {
            DN dn = userDn(account.workerId());
            if (modifiedWhereExpected(dn, replacements(account, true))) {
                return;
            }
            Optional<SearchResultEntry> existing = find(account.workerId());
            if (existing.isEmpty()) {
                pool.add(new Entry(dn, attributes(account, true)));
                return;
            }
            if (!existing.get().getParsedDN().equals(dn)) {
                pool.modifyDN(existing.get().getDN(), dn.getRDNString(), true, peopleBase.toString());
            }
            pool.modify(dn.toString(), replacements(account, true));
        });
    }

    @Override
    public void updateAccount(AccountSpec account) {
        LdapCalls.run(() -> {
            if (modifiedWhereExpected(userDn(account.workerId()), replacements(account, false))) {
                return;
            }
            Optional<SearchResultEntry> existing = find(account.workerId());
            if (existing.isPresent()) {
                pool.modify(existing.get().getDN(), replacements(account, false));
            }
        });
    }

    @Override
    public void disableAccount(String workerId) {
        LdapCalls.run(() -> {
            Optional<SearchResultEntry> existing = find(workerId);
            if (existing.isEmpty()) {
                return;
            }
            String dn = existing.get().getDN();
            leaveEvery(groupsOf(dn), dn);
            switch (settings.disable()) {
                case REMOVE_MEMBERSHIPS -> pool.modify(dn, new Modification(ModificationType.REPLACE, "description", DISABLED_MARK));
                case MOVE_TO_OU -> {
                    if (!existing.get().getParsedDN().isDescendantOf(settings.disabledBase(), false)) {
                        pool.modifyDN(dn, existing.get().getParsedDN().getRDNString(), true, settings.disabledBase());
                    }
                }
                case DELETE -> pool.delete(dn);
            }
        });
    }

    /** Every disable mode leaves every group first. */
    @Override
    public boolean disablingRemovesEntitlements() {
        return true;
    }

    @Override
    public void deleteAccount(String workerId) {
        LdapCalls.run(() -> {
            Optional<SearchResultEntry> existing = find(workerId);
            if (existing.isPresent()) {
                leaveEvery(groupsOf(existing.get().getDN()), existing.get().getDN());
                pool.delete(existing.get().getDN());
            }
        });
    }

    @Override
    public void addEntitlement(String workerId, String entitlement) {
        LdapCalls.run(() -> {
            String member = userDn(workerId).toString();
            DN group = groups.groupOf(entitlement);
            if (!joined(group, member)) {
                try {
                    pool.add(new Entry(group, new Attribute("objectClass", "top", "groupOfNames"),
                            new Attribute("cn", group.getRDN().getAttributeValues()[0]), new Attribute("member", member),
                            new Attribute("description", GroupMapping.DESCRIPTION_PREFIX + entitlement)));
                    return;
                } catch (LDAPException e) {
                    if (e.getResultCode() != ResultCode.ENTRY_ALREADY_EXISTS || !joined(group, member)) {
                        throw e;
                    }
                }
            }
            dropPlaceholder(group.toString());
        });
    }

    @Override
    public void removeEntitlement(String workerId, String entitlement) {
        LdapCalls.run(() -> {
            LdapCalls.ignoring(ResultCode.NO_SUCH_OBJECT, () -> leave(groups.groupOf(entitlement).toString(), userDn(workerId).toString()));
        });
    }

    @Override
    public Optional<AccountState> readAccount(String workerId) {
        return LdapCalls.call(() -> {
            Optional<SearchResultEntry> entry = find(workerId);
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(stateOf(entry.get()));
        });
    }

    @Override
    public List<AccountState> listAccounts() {
        return LdapCalls.call(() -> {
            List<AccountState> accounts = new ArrayList<>();
            for (String base : bases()) {
                for (SearchResultEntry entry : pool.search(base, SearchScope.ONE, Filter.createEqualityFilter("objectClass", "inetOrgPerson"),
                        ACCOUNT_ATTRIBUTES).getSearchEntries()) {
                    accounts.add(stateOf(entry));
                }
            }
            return accounts;
        });
    }

    @Override
    public void test() {
        LdapCalls.run(() -> {
            if (pool.getEntry(peopleBase.toString(), "objectClass") == null) {
                throw new LDAPException(ResultCode.NO_SUCH_OBJECT, "The people base " + peopleBase + " does not exist");
            }
        });
    }

    @Override
    public void close() {
        pool.close();
    }

    private AccountState stateOf(SearchResultEntry entry) throws LDAPException {
        Set<String> entitlements = new LinkedHashSet<>();
        for (SearchResultEntry group : groupsOf(entry.getDN())) {
            groups.entitlementOf(group).ifPresent(entitlements::add);
        }
        boolean disabled = DISABLED_MARK.equals(entry.getAttributeValue("description"))
                || (settings.disabledBase() != null && entry.getParsedDN().isDescendantOf(settings.disabledBase(), false));
        return new AccountState(entry.getAttributeValue("uid"), disabled, entitlements);
    }

    /**
     * Modifies the entry at the DN AccessLedger gives its accounts, one round trip for the usual case; false when no
     * entry is there (not created yet, or moved to the disabled unit), so the caller searches for it.
     */
    private boolean modifiedWhereExpected(DN dn, List<Modification> modifications) throws LDAPException {
        try {
            pool.modify(dn.toString(), modifications);
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return false;
            }
            throw e;
        }
    }

    /** Adds {@code member} to {@code group}; false when the group does not exist yet. */
    private boolean joined(DN group, String member) throws LDAPException {
        try {
            members.add(group.toString(), member);
            return true;
        } catch (LDAPException e) {
            return switch (e.getResultCode().intValue()) {
                case ResultCode.ATTRIBUTE_OR_VALUE_EXISTS_INT_VALUE -> true;
                case ResultCode.NO_SUCH_OBJECT_INT_VALUE -> false;
                default -> throw e;
            };
        }
    }

    /** Removes {@code member}; a group about to lose its last member keeps the placeholder instead. */
    private void leave(String group, String member) throws LDAPException {
        try {
            members.remove(group, member);
        } catch (LDAPException e) {
            leaveFailed(group, e);
        }
    }

    private void leaveEvery(List<SearchResultEntry> groups, String member) throws LDAPException {
        Map<String, LDAPException> failures = members.removeFromEach(groups.stream().map(SearchResultEntry::getDN).toList(), member);
        for (Map.Entry<String, LDAPException> failure : failures.entrySet()) {
            leaveFailed(failure.getKey(), failure.getValue());
        }
    }

    /** Gone already is left; the last member is replaced by the placeholder; anything else fails the call. */
    private void leaveFailed(String group, LDAPException e) throws LDAPException {
        if (e.getResultCode() == ResultCode.NO_SUCH_ATTRIBUTE) {
            return;
        }
        if (e.getResultCode() != ResultCode.OBJECT_CLASS_VIOLATION) {
            throw e;
        }
        pool.modify(group, new Modification(ModificationType.REPLACE, "member", settings.emptyGroupMember()));
    }

    /** Compared first: a modify rewrites a large group whole, a compare only reads it (2.5 ms against 15 ms at 100,000 members). */
    private void dropPlaceholder(String group) throws LDAPException {
        if (pool.compare(group, "member", settings.emptyGroupMember()).compareMatched()) {
            LdapCalls.ignoring(ResultCode.NO_SUCH_ATTRIBUTE,
                    () -> pool.modify(group, new Modification(ModificationType.DELETE, "member", settings.emptyGroupMember())));
        }
    }

    private Optional<SearchResultEntry> find(String workerId) throws LDAPException {
        for (String base : bases()) {
            SearchResultEntry entry = pool.searchForEntry(base, SearchScope.ONE, Filter.createEqualityFilter("uid", workerId), ACCOUNT_ATTRIBUTES);
            if (entry != null) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private List<SearchResultEntry> groupsOf(String memberDn) throws LDAPException {
        Filter filter = Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "groupOfNames"),
                Filter.createEqualityFilter("member", memberDn));
        return pool.search(groups.groupsBase().toString(), SearchScope.SUB, filter, "cn", "description").getSearchEntries();
    }

    private List<String> bases() {
        return settings.disable() == LdapSettings.DisableMode.MOVE_TO_OU && settings.disabledBase() != null
                ? List.of(peopleBase.toString(), settings.disabledBase())
                : List.of(peopleBase.toString());
    }

    private DN userDn(String workerId) {
        return new DN(new RDN("uid", workerId), peopleBase);
    }

    private static List<Attribute> attributes(AccountSpec account, boolean withObjectClass) {
        List<Attribute> attributes = new ArrayList<>();
        if (withObjectClass) {
            attributes.add(new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"));
            attributes.add(new Attribute("uid", account.workerId()));
        }
        attributes.add(new Attribute("cn", account.displayName().isBlank() ? account.workerId() : account.displayName().trim()));
        attributes.add(new Attribute("sn", account.familyName() == null ? account.workerId() : account.familyName()));
        optional(attributes, "givenName", account.givenName());
        optional(attributes, "mail", account.email());
        optional(attributes, "employeeType", account.workerType());
        optional(attributes, "departmentNumber", account.department());
        optional(attributes, "employeeNumber", account.workerId());
        return attributes;
    }

    private static List<Modification> replacements(AccountSpec account, boolean enable) {
        List<Modification> modifications = new ArrayList<>();
        for (Attribute attribute : attributes(account, false)) {
            modifications.add(new Modification(ModificationType.REPLACE, attribute.getName(), attribute.getValues()));
        }
        if (enable) {
            modifications.add(new Modification(ModificationType.REPLACE, "description"));
        }
        return modifications;
    }

    private static void optional(List<Attribute> attributes, String name, String value) {
        if (value != null && !value.isBlank()) {
            attributes.add(new Attribute(name, value));
        }
    }
}
