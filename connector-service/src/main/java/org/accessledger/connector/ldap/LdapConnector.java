package org.accessledger.connector.ldap;

import com.unboundid.ldap.sdk.*;
import com.unboundid.ldap.sdk.controls.AssertionRequestControl;
import com.unboundid.ldap.sdk.controls.PostReadRequestControl;
import com.unboundid.ldap.sdk.controls.PostReadResponseControl;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.asn1.ASN1OctetString;
import org.accessledger.connector.spi.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Accounts as inetOrgPerson entries ({@code uid} = worker id) under the people base, entitlements as groupOfNames
 * memberships. Every DN is built from RDN objects and every filter value encoded by the SDK, so names such as
 * {@code O'Brien, Jr. (ops)*} are stored literally.
 *
 * <p>{@code uid} compares ignoring case, so the entry found for a worker may be another worker's: an entry is this
 * worker's when its owner attribute ({@code employeeNumber} unless configured) is the worker id or absent. Writes to an
 * account carry that condition as an assertion control, so another worker's entry is refused by the directory itself,
 * and a post-read control, so the answer says what the entry became.
 */
public class LdapConnector implements Connector, CreateAccountOp, UpdateAccountOp, DisableAccountOp, DeleteAccountOp,
        AddEntitlementOp, RemoveEntitlementOp, ReadAccountOp, ListAccountsOp, TestOp {

    static final String DISABLED_MARK = "accessledger:disabled";
    /** The {@link AccountSpec} attributes an account entry keeps, by the entry's attribute names. */
    private static final Map<String, String> LISTED = Map.of(AccountSpec.GIVEN_NAME, "givenName", AccountSpec.FAMILY_NAME, "sn",
            AccountSpec.EMAIL, "mail", AccountSpec.WORKER_TYPE, "employeeType", AccountSpec.DEPARTMENT, "departmentNumber");

    private final String name;
    private final LdapSettings settings;
    private final LDAPConnectionPool pool;
    private final GroupMapping groups;
    private final DN peopleBase;
    private final MemberChanges members;
    private final String[] accountAttributes;
    /** Whether the directory evaluates caseExactMatch on the owner attribute; learned from its first false refusal. */
    private final AtomicBoolean exactAssertions = new AtomicBoolean(true);

    /** {@code connections}: at most this many requests at once, one per provisioning thread. */
    public LdapConnector(String name, LdapSettings settings, int connections) {
        this.name = name;
        this.settings = settings;
        this.groups = new GroupMapping(settings.groupDnTemplate(), settings.groups());
        this.peopleBase = LdapCalls.dn(settings.peopleBase());
        this.pool = LdapCalls.pool(settings, connections);
        this.members = new MemberChanges(pool);
        List<String> read = new ArrayList<>(List.of("uid", "description", settings.ownerAttribute()));
        read.addAll(LISTED.values());
        this.accountAttributes = read.toArray(String[]::new);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TargetAnswer createAccount(AccountSpec account) {
        return LdapCalls.call(() -> {
            DN dn = userDn(account.workerId());
            Optional<TargetAnswer> modified = modifiedWhereExpected(account.workerId(), dn, replacements(account, true));
            if (modified.isPresent()) {
                return modified.get();
            }
            Optional<SearchResultEntry> existing = find(account.workerId());
            if (existing.isEmpty()) {
                pool.add(new Entry(dn, attributes(account, true)));
                return TargetAnswer.account(false);
            }
            if (!existing.get().getParsedDN().equals(dn)) {
                pool.modifyDN(existing.get().getDN(), dn.getRDNString(), true, peopleBase.toString());
            }
            return modifiedWhereExpected(account.workerId(), dn, replacements(account, true)).orElseGet(TargetAnswer::noAccount);
        });
    }

    @Override
    public TargetAnswer updateAccount(AccountSpec account) {
        return LdapCalls.call(() -> {
            Optional<TargetAnswer> modified = modifiedWhereExpected(account.workerId(), userDn(account.workerId()), replacements(account, false));
            if (modified.isPresent()) {
                return modified.get();
            }
            Optional<SearchResultEntry> existing = find(account.workerId());
            if (existing.isEmpty()) {
                return TargetAnswer.noAccount();
            }
            return modifiedWhereExpected(account.workerId(), existing.get().getParsedDN(), replacements(account, false)).orElseGet(TargetAnswer::noAccount);
        });
    }

    @Override
    public TargetAnswer disableAccount(String workerId) {
        return LdapCalls.call(() -> {
            Optional<SearchResultEntry> existing = find(workerId);
            if (existing.isEmpty()) {
                return TargetAnswer.noAccount();
            }
            String dn = existing.get().getDN();
            leaveEvery(groupsOf(dn), dn);
            return switch (settings.disable()) {
                case REMOVE_MEMBERSHIPS -> modifiedWhereExpected(workerId, existing.get().getParsedDN(),
                        List.of(new Modification(ModificationType.REPLACE, "description", DISABLED_MARK)))
                        .orElseGet(TargetAnswer::noAccount).withNoEntitlements();
                case MOVE_TO_OU -> {
                    if (!existing.get().getParsedDN().isDescendantOf(settings.disabledBase(), false)) {
                        pool.modifyDN(dn, existing.get().getParsedDN().getRDNString(), true, settings.disabledBase());
                    }
                    yield TargetAnswer.account(true).withNoEntitlements();
                }
                case DELETE -> {
                    pool.delete(dn);
                    yield TargetAnswer.noAccount();
                }
            };
        });
    }

    /** Every disable mode leaves every group first. */
    @Override
    public boolean disablingRemovesEntitlements() {
        return true;
    }

    @Override
    public TargetAnswer deleteAccount(String workerId) {
        LdapCalls.run(() -> {
            Optional<SearchResultEntry> existing = find(workerId);
            if (existing.isPresent()) {
                leaveEvery(groupsOf(existing.get().getDN()), existing.get().getDN());
                pool.delete(existing.get().getDN());
            }
        });
        return TargetAnswer.noAccount();
    }

    @Override
    public TargetAnswer addEntitlement(String workerId, String entitlement) {
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
        return TargetAnswer.entitlement(entitlement, true);
    }

    @Override
    public TargetAnswer removeEntitlement(String workerId, String entitlement) {
        LdapCalls.run(() -> {
            LdapCalls.ignoring(ResultCode.NO_SUCH_OBJECT, () -> leave(groups.groupOf(entitlement).toString(), userDn(workerId).toString()));
        });
        return TargetAnswer.entitlement(entitlement, false);
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
    public void listAccounts(Consumer<AccountState> each) {
        LdapCalls.run(() -> {
            Map<String, Set<String>> memberships = memberships();
            for (String base : bases()) {
                paged(base, SearchScope.ONE, Filter.createEqualityFilter("objectClass", "inetOrgPerson"), accountAttributes, entry ->
                        each.accept(stateOf(entry, memberships.getOrDefault(entry.getParsedDN().toNormalizedString(), Set.of()))));
            }
        });
    }

    @Override
    public Set<String> listedAttributes() {
        return LISTED.keySet();
    }

    /** Every managed group's members, read once: normalized member DN to the entitlements its groups stand for. */
    private Map<String, Set<String>> memberships() throws LDAPException {
        Map<String, Set<String>> memberships = new HashMap<>();
        paged(groups.groupsBase().toString(), SearchScope.SUB, Filter.createEqualityFilter("objectClass", "groupOfNames"),
                new String[]{"cn", "description", "member"}, group -> groups.entitlementOf(group).ifPresent(entitlement -> {
                    for (String member : group.getAttributeValues("member") == null ? new String[0] : group.getAttributeValues("member")) {
                        try {
                            memberships.computeIfAbsent(new DN(member).toNormalizedString(), dn -> new HashSet<>()).add(entitlement);
                        } catch (LDAPException e) {
                            // Not a DN (a hand-made value): no account can be that member.
                        }
                    }
                }));
        return memberships;
    }

    private AccountState stateOf(SearchResultEntry entry, Set<String> entitlements) throws LDAPException {
        Map<String, String> attributes = new LinkedHashMap<>();
        LISTED.forEach((name, attribute) -> {
            String value = entry.getAttributeValue(attribute);
            if (value != null) {
                attributes.put(name, value);
            }
        });
        return new AccountState(ownerOf(entry), entry.getAttributeValue("uid"), isDisabled(entry), entitlements, attributes);
    }

    interface EntryHandler {
        void accept(SearchResultEntry entry) throws LDAPException;
    }

    /**
     * A search in pages of {@code page-size} entries (Simple Paged Results, RFC 2696), all on one connection as the
     * control requires; only one page is held at a time. A base that does not exist holds nothing.
     */
    private void paged(String base, SearchScope scope, Filter filter, String[] attributes, EntryHandler handler) throws LDAPException {
        LDAPConnection connection = pool.getConnection();
        boolean healthy = false;
        try {
            ASN1OctetString cookie = null;
            do {
                SearchRequest request = new SearchRequest(base, scope, filter, attributes);
                request.addControl(new SimplePagedResultsControl(settings.pageSize(), cookie, true));
                SearchResult page;
                try {
                    page = connection.search(request);
                } catch (LDAPSearchException e) {
                    if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                        healthy = true;
                        return;
                    }
                    throw e;
                }
                for (SearchResultEntry entry : page.getSearchEntries()) {
                    handler.accept(entry);
                }
                SimplePagedResultsControl response = SimplePagedResultsControl.get(page);
                cookie = response == null ? null : response.getCookie();
            } while (cookie != null && cookie.getValueLength() > 0);
            healthy = true;
        } finally {
            if (healthy) {
                pool.releaseConnection(connection);
            } else {
                pool.releaseDefunctConnection(connection);
            }
        }
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

    /** One account read alone: its groups found by a search for the member. */
    private AccountState stateOf(SearchResultEntry entry) throws LDAPException {
        Set<String> entitlements = new LinkedHashSet<>();
        for (SearchResultEntry group : groupsOf(entry.getDN())) {
            groups.entitlementOf(group).ifPresent(entitlements::add);
        }
        return stateOf(entry, entitlements);
    }

    private boolean isDisabled(Entry entry) throws LDAPException {
        return DISABLED_MARK.equals(entry.getAttributeValue("description"))
                || (settings.disabledBase() != null && entry.getParsedDN().isDescendantOf(settings.disabledBase(), false));
    }

    /**
     * Modifies the worker's entry at {@code dn}, one round trip for the usual case, answering what the entry became;
     * empty when no entry is there (not created yet, or moved to the disabled unit), so the caller searches for it.
     * The directory refuses the change if the entry's owner attribute names another worker.
     */
    private Optional<TargetAnswer> modifiedWhereExpected(String workerId, DN dn, List<Modification> modifications) throws LDAPException {
        ModifyRequest request = new ModifyRequest(dn.toString(), modifications);
        request.addControl(new AssertionRequestControl(ownedBy(workerId, exactAssertions.get())));
        request.addControl(new PostReadRequestControl("description"));
        try {
            LDAPResult result = pool.modify(request);
            PostReadResponseControl after = PostReadResponseControl.get(result);
            return Optional.of(TargetAnswer.account(after == null ? modifications.stream().anyMatch(LdapConnector::marksDisabled) : isDisabled(after.getEntry())));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return Optional.empty();
            }
            if (e.getResultCode() == ResultCode.ASSERTION_FAILED) {
                SearchResultEntry entry = pool.getEntry(dn.toString(), accountAttributes);
                if (entry != null && isOwnedBy(entry, workerId) && exactAssertions.compareAndSet(true, false)) {
                    // The directory cannot evaluate caseExactMatch on the attribute (UnboundID's in-memory server, for one).
                    return modifiedWhereExpected(workerId, dn, modifications);
                }
                throw ownedByOther(workerId, dn);
            }
            throw e;
        }
    }

    private static boolean marksDisabled(Modification modification) {
        return modification.getAttributeName().equals("description") && List.of(modification.getValues()).contains(DISABLED_MARK);
    }

    /**
     * The worker's own entry: its owner attribute is the worker id, or it has none. Compared with caseExactMatch where
     * the directory can, not the attribute's own equality rule, which ignores case: {@code SU.1002-x} and
     * {@code su.1002-X} are two workers (the HR intake refuses such a pair; this keeps entries made by others safe).
     */
    private Filter ownedBy(String workerId, boolean exact) {
        Filter owner = exact ? Filter.createExtensibleMatchFilter(settings.ownerAttribute(), "caseExactMatch", false, workerId)
                : Filter.createEqualityFilter(settings.ownerAttribute(), workerId);
        return Filter.createORFilter(owner,
                Filter.createNOTFilter(Filter.createPresenceFilter(settings.ownerAttribute())));
    }

    private boolean isOwnedBy(Entry entry, String workerId) {
        return workerId.equals(ownerOf(entry));
    }

    /** The worker an entry names: its owner attribute, else its {@code uid}. */
    private String ownerOf(Entry entry) {
        String owner = entry.getAttributeValue(settings.ownerAttribute());
        return owner == null ? entry.getAttributeValue("uid") : owner;
    }

    private ConnectorException ownedByOther(String workerId, DN dn) throws LDAPException {
        SearchResultEntry entry = pool.getEntry(dn.toString(), settings.ownerAttribute(), "uid");
        String owner = entry == null ? "?" : Optional.ofNullable(entry.getAttributeValue(settings.ownerAttribute())).orElse(entry.getAttributeValue("uid"));
        return ConnectorException.ownedByOtherWorker("LDAP entry " + dn, workerId, owner);
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

    /** The worker's own entry; an entry {@code uid} matched that belongs to another worker is refused. */
    private Optional<SearchResultEntry> find(String workerId) throws LDAPException {
        for (String base : bases()) {
            List<SearchResultEntry> matched = accountsNamed(base, workerId);
            Optional<SearchResultEntry> own = matched.stream().filter(entry -> isOwnedBy(entry, workerId)).findFirst();
            if (own.isPresent()) {
                return own;
            }
            if (!matched.isEmpty()) {
                throw ownedByOther(workerId, matched.get(0).getParsedDN());
            }
        }
        return Optional.empty();
    }

    /** No entry where the base itself does not exist (a disabled unit not made yet, say). */
    private List<SearchResultEntry> accountsNamed(String base, String workerId) throws LDAPException {
        try {
            return pool.search(base, SearchScope.ONE, Filter.createEqualityFilter("uid", workerId), accountAttributes).getSearchEntries();
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return List.of();
            }
            throw e;
        }
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

    private List<Attribute> attributes(AccountSpec account, boolean withObjectClass) {
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
        optional(attributes, settings.ownerAttribute(), account.workerId());
        if (settings.managerReference() && account.managerId() != null) {
            attributes.add(new Attribute("manager", userDn(account.managerId()).toString()));
        }
        return attributes;
    }

    private List<Modification> replacements(AccountSpec account, boolean enable) {
        List<Modification> modifications = new ArrayList<>();
        for (Attribute attribute : attributes(account, false)) {
            modifications.add(new Modification(ModificationType.REPLACE, attribute.getName(), attribute.getValues()));
        }
        if (settings.managerReference() && account.managerId() == null) {
            modifications.add(new Modification(ModificationType.REPLACE, "manager"));
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
