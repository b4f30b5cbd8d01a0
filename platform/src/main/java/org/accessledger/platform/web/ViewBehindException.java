package org.accessledger.platform.web;

import java.time.Duration;

/** A read model has not caught up with events already accepted; answered 503 with a Retry-After. */
public class ViewBehindException extends RuntimeException {

    private final Duration retryAfter;

    public ViewBehindException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
