package org.accessledger.connector.spi;

/**
 * A connection to one target system. A connector implements only the operation interfaces its target supports
 * ({@link CreateAccountOp}, {@link AddEntitlementOp}, …); the caller asks with {@code instanceof}.
 *
 * <p>Every operation is idempotent: creating an account that exists brings it to the spec, adding an entitlement that
 * is held or removing one that is not succeeds without change. An operation throws {@link ConnectorException} only when
 * it is sure nothing was done. Each operation that changes the target answers with what the target said
 * ({@link TargetAnswer}).
 */
public interface Connector extends AutoCloseable {

    /** The target's name in configuration. */
    String name();

    @Override
    void close();
}
