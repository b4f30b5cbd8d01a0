package org.accessledger.standalone;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import org.accessledger.connector.testservers.Slapd;

import java.util.Set;
import java.util.TreeSet;

/** Reads and changes a test slapd by hand, as a directory administrator or a help-desk script would. */
final class LdapProbe {

    static final String GROUPS = "ou=groups," + Slapd.BASE;

    private final Slapd slapd;
    private final String people;

    LdapProbe(Slapd slapd, String people) {
        this.slapd = slapd;
        this.people = people;
    }

    String dnOf(String uid) {
        return "uid=" + uid + "," + people;
    }

    SearchResultEntry account(String uid) throws LDAPException {
        try (LDAPConnection connection = slapd.connect()) {
            return connection.getEntry(dnOf(uid));
        }
    }

    /** The cn of every group under {@link #GROUPS} that lists the account as a member. */
    Set<String> groups(String uid) throws LDAPException {
        Set<String> groups = new TreeSet<>();
        try (LDAPConnection connection = slapd.connect()) {
            connection.search(GROUPS, SearchScope.ONE, Filter.createEqualityFilter("member", dnOf(uid)), "cn")
                    .getSearchEntries().forEach(group -> groups.add(group.getAttributeValue("cn")));
        }
        return groups;
    }

    void modify(String dn, Modification... modifications) throws LDAPException {
        try (LDAPConnection connection = slapd.connect()) {
            connection.modify(dn, modifications);
        }
    }

    void replace(String uid, String attribute, String... values) throws LDAPException {
        modify(dnOf(uid), new Modification(ModificationType.REPLACE, attribute, values));
    }

    void join(String group, String uid) throws LDAPException {
        modify("cn=" + group + "," + GROUPS, new Modification(ModificationType.ADD, "member", dnOf(uid)));
    }

    void delete(String uid) throws LDAPException {
        try (LDAPConnection connection = slapd.connect()) {
            connection.delete(dnOf(uid));
        }
    }

    /** A person entry made by hand: no owner attribute, no AccessLedger marks. */
    void addPerson(String uid) throws LDAPException {
        try (LDAPConnection connection = slapd.connect()) {
            connection.add(new Entry(dnOf(uid), new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                    new Attribute("uid", uid), new Attribute("cn", uid), new Attribute("sn", uid)));
        }
    }
}
