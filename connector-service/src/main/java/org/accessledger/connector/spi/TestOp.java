package org.accessledger.connector.spi;

/** Checks that the target can be reached with the configured credentials; throws {@link ConnectorException} if not. */
public interface TestOp {

    void test();
}
