package org.accessledger.platform.audit.note;

/** A note that is not well formed or whose signature does not verify; the message says which. */
public final class InvalidNoteException extends RuntimeException {

    public InvalidNoteException(String message) {
        super(message);
    }
}
