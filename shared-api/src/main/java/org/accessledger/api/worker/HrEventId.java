package org.accessledger.api.worker;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The HR system's identifier of one HR event: the idempotency key of the intake.
 * A second command with an id the worker has already accepted changes nothing.
 */
public record HrEventId(String value) {

    public static final String RULE = "1-128 printable characters without spaces";
    private static final Pattern FORMAT = Pattern.compile("[\\x21-\\x7E]{1,128}");

    public HrEventId {
        Objects.requireNonNull(value, "HR event id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("HR event id must be " + RULE);
        }
    }

    public static HrEventId of(String value) {
        return new HrEventId(value);
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
