package org.accessledger.connector.spi;

/**
 * An operation failed and the connector is sure it changed nothing. {@link #isTransient()} says whether trying again
 * later can succeed (target unreachable, busy, timed out) or not (refused by the target's rules or schema);
 * {@link #code()} names a failure callers treat apart, such as {@link #ACCOUNT_OWNED_BY_OTHER_WORKER}.
 */
public class ConnectorException extends RuntimeException {

    /** The account the target matched for a worker belongs to another worker; it was left untouched. */
    public static final String ACCOUNT_OWNED_BY_OTHER_WORKER = "ACCOUNT_OWNED_BY_OTHER_WORKER";

    private final boolean transientFailure;
    private final String code;

    private ConnectorException(String message, Throwable cause, boolean transientFailure, String code) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.code = code;
    }

    public static ConnectorException transientFailure(String message, Throwable cause) {
        return new ConnectorException(message, cause, true, null);
    }

    public static ConnectorException permanentFailure(String message, Throwable cause) {
        return new ConnectorException(message, cause, false, null);
    }

    /** Permanent: the account found for {@code workerId} names {@code owner} as its worker. */
    public static ConnectorException ownedByOtherWorker(String account, String workerId, String owner) {
        return new ConnectorException("The account " + account + " that the target matched for worker " + workerId
                + " belongs to worker " + owner + "; it was not changed", null, false, ACCOUNT_OWNED_BY_OTHER_WORKER);
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** Null for an ordinary failure. */
    public String code() {
        return code;
    }
}
