package org.accessledger.connector.spi;

/**
 * An operation failed and the connector is sure it changed nothing. {@link #isTransient()} says whether trying again
 * later can succeed (target unreachable, busy, timed out) or not (refused by the target's rules or schema).
 */
public class ConnectorException extends RuntimeException {

    private final boolean transientFailure;

    private ConnectorException(String message, Throwable cause, boolean transientFailure) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public static ConnectorException transientFailure(String message, Throwable cause) {
        return new ConnectorException(message, cause, true);
    }

    public static ConnectorException permanentFailure(String message, Throwable cause) {
        return new ConnectorException(message, cause, false);
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
