package org.accessledger.platform.web;

import org.accessledger.api.error.ErrorCode;

/** Nothing exists for the requested id; answered 404. */
public class NotFoundException extends RuntimeException {

    private final ErrorCode code;

    public NotFoundException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
