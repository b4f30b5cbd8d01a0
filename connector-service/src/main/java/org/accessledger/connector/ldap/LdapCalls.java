package org.accessledger.connector.ldap;

import com.unboundid.ldap.sdk.*;
import org.accessledger.connector.spi.ConnectorException;

import javax.net.ssl.SSLSocketFactory;
import java.util.Set;

/** Opening the pool, and turning LDAP result codes into transient or permanent connector failures. */
final class LdapCalls {

    /** Codes after which the same request can succeed later: the server was unreachable, busy or slow. */
    private static final Set<ResultCode> TRANSIENT = Set.of(ResultCode.SERVER_DOWN, ResultCode.CONNECT_ERROR,
            ResultCode.TIMEOUT, ResultCode.BUSY, ResultCode.UNAVAILABLE, ResultCode.LOCAL_ERROR);

    interface LdapWork {
        void run() throws LDAPException;
    }

    interface LdapQuery<T> {
        T call() throws LDAPException;
    }

    private LdapCalls() {
    }

    static LDAPConnectionPool pool(LdapSettings settings, int connections) {
        try {
            LDAPURL url = new LDAPURL(settings.url());
            LDAPConnectionOptions options = new LDAPConnectionOptions();
            options.setConnectTimeoutMillis(5_000);
            options.setResponseTimeoutMillis(10_000);
            ServerSet server = "ldaps".equalsIgnoreCase(url.getScheme())
                    ? new SingleServerSet(url.getHost(), url.getPort(), SSLSocketFactory.getDefault(), options)
                    : new SingleServerSet(url.getHost(), url.getPort(), options);
            // No connection at start: a target that is down must not stop AccessLedger from starting.
            LDAPConnectionPool pool = new LDAPConnectionPool(server, new SimpleBindRequest(settings.bindDn(), settings.bindPassword()), 0, connections);
            pool.setRetryFailedOperationsDueToInvalidConnections(true);
            return pool;
        } catch (LDAPException e) {
            throw new IllegalArgumentException("Cannot set up LDAP target " + settings.url() + ": " + e.getMessage(), e);
        }
    }

    static void run(LdapWork work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    static <T> T call(LdapQuery<T> query) {
        try {
            return query.call();
        } catch (LDAPException e) {
            String message = "LDAP " + e.getResultCode() + ": " + e.getMessage();
            throw TRANSIENT.contains(e.getResultCode()) ? ConnectorException.transientFailure(message, e)
                    : ConnectorException.permanentFailure(message, e);
        }
    }

    static void ignoring(ResultCode harmless, LdapWork work) throws LDAPException {
        try {
            work.run();
        } catch (LDAPException e) {
            if (e.getResultCode() != harmless) {
                throw e;
            }
        }
    }

    static DN dn(String dn) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("'" + dn + "' is not a valid DN", e);
        }
    }
}
