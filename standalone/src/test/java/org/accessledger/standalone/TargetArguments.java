package org.accessledger.standalone;

import org.accessledger.connector.testservers.Slapd;

import java.util.ArrayList;
import java.util.List;

/** The command-line arguments that configure a target of the app under test, as an operator's configuration would. */
final class TargetArguments {

    static final String PEOPLE = "ou=people," + Slapd.BASE;

    private TargetArguments() {
    }

    /**
     * An LDAP target on {@code slapd}'s people base and groups, reconciled only on demand; {@code settings} add more of
     * its keys, such as {@code page-size=2}.
     */
    static List<String> ldap(String name, Slapd slapd, String... settings) {
        return ldap(name, slapd.url(), settings);
    }

    static List<String> ldap(String name, String url, String... settings) {
        String prefix = "--accessledger.targets." + name + ".";
        List<String> arguments = new ArrayList<>(List.of(prefix + "type=ldap", prefix + "url=" + url, prefix + "bind-dn=" + Slapd.ADMIN_DN,
                prefix + "bind-password=" + Slapd.ADMIN_PASSWORD, prefix + "people-base=" + PEOPLE,
                prefix + "group-dn-template=cn={application}-{entitlement}," + LdapProbe.GROUPS, prefix + "reconciliation.schedule=-"));
        for (String setting : settings) {
            arguments.add(prefix + setting);
        }
        return arguments;
    }

    static String[] all(List<List<String>> targets) {
        return targets.stream().flatMap(List::stream).toArray(String[]::new);
    }
}
