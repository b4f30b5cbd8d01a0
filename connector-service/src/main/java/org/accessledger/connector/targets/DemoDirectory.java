package org.accessledger.connector.targets;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import org.accessledger.connector.ldap.LdapSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The embedded default's target: an in-process LDAP directory on a loopback port, saved as LDIF in the data
 * directory, so a newcomer sees accounts and groups appear with any LDAP browser.
 */
public final class DemoDirectory implements AutoCloseable {

    public static final String NAME = "demo-directory";
    static final String BASE = "dc=example,dc=org";
    static final String ADMIN_DN = "cn=admin," + BASE;
    private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);

    private final InMemoryDirectoryServer server;
    private final Path file;
    private final String password;
    private long savedChange = -1;

    public DemoDirectory(Path dataDir, String password) {
        this.file = dataDir.resolve("demo-directory.ldif");
        this.password = password;
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.addAdditionalBindCredentials(ADMIN_DN, password);
            // A one-entry change log makes the root DSE count changes, so an unchanged directory is not written again.
            config.setMaxChangeLogEntries(1);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("default", InetAddress.getLoopbackAddress(), 0, null));
            server = new InMemoryDirectoryServer(config);
            if (Files.exists(file)) {
                server.importFromLDIF(true, file.toFile());
            } else {
                server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
                for (String unit : new String[]{"people", "groups", "disabled"}) {
                    server.add("dn: ou=" + unit + "," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: " + unit);
                }
            }
            server.startListening();
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException("Cannot start the demo directory from " + file, e);
        }
        log.info("Demo directory {} at ldap://127.0.0.1:{} ({}), saved in {}", BASE, server.getListenPort(), ADMIN_DN, file.toAbsolutePath());
    }

    public TargetSettings settings() {
        return TargetSettings.ofLdap(List.of("*"), new LdapSettings("ldap://127.0.0.1:" + server.getListenPort(), ADMIN_DN, password,
                "ou=people," + BASE, "cn={application}-{entitlement},ou=groups," + BASE, Map.of(),
                LdapSettings.DisableMode.REMOVE_MEMBERSHIPS, "ou=disabled," + BASE, "cn=nobody", "employeeNumber", true, 500), TargetSettings.Retry.DEFAULT);
    }

    /** Writes the directory to its LDIF file if it changed; checked every ten seconds, so a crash loses little. */
    @Scheduled(fixedDelay = 10_000, initialDelay = 10_000)
    public synchronized void save() {
        try {
            Long lastChange = server.getRootDSE().getAttributeValueAsLong("lastChangeNumber");
            long current = lastChange == null ? 0 : lastChange;
            if (current != savedChange) {
                server.exportToLDIF(file.toString(), false, true);
                savedChange = current;
            }
        } catch (LDAPException e) {
            log.warn("Could not save the demo directory to {}", file, e);
        }
    }

    @Override
    public void close() {
        save();
        server.shutDown(true);
    }
}
