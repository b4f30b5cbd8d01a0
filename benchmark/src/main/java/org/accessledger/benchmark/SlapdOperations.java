package org.accessledger.benchmark;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations on entries that slapd has completed, by kind, as its monitor database counts them
 * ({@code cn=Operations,cn=Monitor}); binds, unbinds, abandons and extended operations are left out.
 */
record SlapdOperations(Map<String, Long> completedByKind) {

    private static final String COUNTERS = "cn=Operations,cn=Monitor";
    private static final List<String> ON_ENTRIES = List.of("Add", "Modify", "Delete", "Modrdn", "Search", "Compare");

    /**
     * In one search. slapd counts an operation just after answering it, so this reading is counted in the next one, and
     * an operation answered a moment ago may not be counted yet.
     */
    static SlapdOperations read(LDAPConnection connection) throws LDAPException {
        Map<String, Long> byKind = new LinkedHashMap<>();
        try {
            for (SearchResultEntry counters : connection.search(COUNTERS, SearchScope.ONE, "(objectClass=*)", "cn", "monitorOpCompleted").getSearchEntries()) {
                byKind.put(counters.getAttributeValue("cn"), counters.getAttributeValueAsLong("monitorOpCompleted"));
            }
        } catch (LDAPSearchException e) {
            if (e.getResultCode() != ResultCode.NO_SUCH_OBJECT) {
                throw e;
            }
        }
        if (!byKind.keySet().containsAll(ON_ENTRIES)) {
            throw new IllegalStateException("slapd counts no operations under " + COUNTERS + ": its configuration needs 'database monitor'");
        }
        Map<String, Long> completed = new LinkedHashMap<>();
        ON_ENTRIES.forEach(kind -> completed.put(kind, byKind.get(kind)));
        return new SlapdOperations(completed);
    }

    /** What was completed since {@code earlier}, by kind. */
    SlapdOperations since(SlapdOperations earlier) {
        Map<String, Long> completed = new LinkedHashMap<>();
        completedByKind.forEach((kind, count) -> completed.put(kind, count - earlier.completedByKind.get(kind)));
        return new SlapdOperations(completed);
    }

    /** Leaves out searches someone else made, such as the benchmark's own counting and reading of these counters. */
    SlapdOperations withoutSearches(long searches) {
        Map<String, Long> completed = new LinkedHashMap<>(completedByKind);
        completed.merge("Search", -searches, Long::sum);
        return new SlapdOperations(completed);
    }

    long total() {
        return completedByKind.values().stream().mapToLong(Long::longValue).sum();
    }
}
