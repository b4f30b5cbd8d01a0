package org.accessledger.connector.testservers;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real OpenLDAP server (Debian's slapd) on a free loopback port, with its own configuration and database in a
 * temporary directory. It can be stopped and started again on the same port and data.
 */
public final class Slapd extends ServerProcess {

    public static final String BASE = "dc=example,dc=org";
    public static final String ADMIN_DN = "cn=admin," + BASE;
    public static final String ADMIN_PASSWORD = "test-secret";
    private static final Path SLAPD = Path.of("/usr/sbin/slapd");

    private final Path directory;
    private final int port;

    private Slapd(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Starts slapd with the base entries: ou=people, ou=groups and ou=disabled under {@value #BASE}. */
    public static Slapd start(Path directory) {
        if (!Files.isExecutable(SLAPD)) {
            throw new IllegalStateException("slapd is not installed: run .ci/run, or apt-get install slapd ldap-utils");
        }
        Slapd slapd = new Slapd(directory, freePort());
        slapd.writeConfiguration();
        slapd.startProcess();
        slapd.addBaseEntries();
        return slapd;
    }

    /** Starts slapd again, on a new free port, on the configuration and database {@link #start} left in the directory. */
    public static Slapd startAgain(Path directory) {
        if (!Files.isRegularFile(directory.resolve("slapd.conf"))) {
            throw new IllegalStateException("No slapd configuration in " + directory + " to start again");
        }
        Slapd slapd = new Slapd(directory, freePort());
        slapd.startProcess();
        return slapd;
    }

    public String url() {
        return "ldap://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public LDAPConnection connect() {
        try {
            return new LDAPConnection("127.0.0.1", port, ADMIN_DN, ADMIN_PASSWORD);
        } catch (LDAPException e) {
            throw new IllegalStateException("slapd on port " + port + " does not answer", e);
        }
    }


    private void writeConfiguration() {
        try {
            Files.createDirectories(directory.resolve("db"));
            Files.writeString(directory.resolve("slapd.conf"), String.join("\n",
                    "include /etc/ldap/schema/core.schema",
                    "include /etc/ldap/schema/cosine.schema",
                    "include /etc/ldap/schema/nis.schema",
                    "include /etc/ldap/schema/inetorgperson.schema",
                    "pidfile " + directory.resolve("slapd.pid"),
                    // Groups of every worker (mail, VPN) reach the population's size: sorted values find a member
                    // without a walk, and multival keeps them out of the entry, which would otherwise be rewritten whole
                    // (megabytes at 100,000 members) for every member added or removed.
                    "sortvals member",
                    "modulepath /usr/lib/ldap",
                    "moduleload back_mdb",
                    "database mdb",
                    // The map grows on demand up to this bound; 20,000 benchmark workers already take ~100 MB.
                    "maxsize 17179869184",
                    "suffix \"" + BASE + "\"",
                    "rootdn \"" + ADMIN_DN + "\"",
                    "rootpw " + ADMIN_PASSWORD,
                    "directory " + directory.resolve("db"),
                    // No index on member: slapd 2.5 re-checks every value of an indexed attribute on each delete
                    // (70 ms per member removed from a 50,000-member group, 11 ms unindexed); finding a member's
                    // groups without it reads the groups, 5 ms, once per disabled account.
                    "index objectClass,uid eq",
                    "multival member 100,10",
                    // Counts the operations slapd completes (cn=Operations,cn=Monitor), which the benchmark reports.
                    "database monitor",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void startProcess() {
        try {
            process = new ProcessBuilder(List.of(SLAPD.toString(), "-f", directory.resolve("slapd.conf").toString(),
                    "-h", "ldap://127.0.0.1:" + port + "/", "-d", "0"))
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("slapd.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (LDAPConnection ignored = new LDAPConnection("127.0.0.1", port)) {
                return;
            } catch (LDAPException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("slapd exited; see " + directory.resolve("slapd.log"));
                }
                pause();
            }
        }
        throw new IllegalStateException("slapd did not listen within 10 s; see " + directory.resolve("slapd.log"));
    }

    private void addBaseEntries() {
        try (LDAPConnection connection = connect()) {
            connection.add("dn: " + BASE, "objectClass: top", "objectClass: dcObject", "objectClass: organization", "dc: example", "o: Example");
            for (String unit : List.of("people", "groups", "disabled")) {
                connection.add("dn: ou=" + unit + "," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: " + unit);
            }
        } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
            throw new IllegalStateException("Cannot add the base entries", e);
        }
    }

    /** Waiting for a process to listen: the only place these tests wait on the wall clock. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
