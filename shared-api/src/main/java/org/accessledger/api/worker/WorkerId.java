package org.accessledger.api.worker;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The HR system's identifier of a worker; also the identifier of the {@code Worker} aggregate.
 * One to 64 characters: letters, digits, dot, underscore and hyphen.
 */
public record WorkerId(String value) {

    public static final String RULE = "1-64 characters of A-Z a-z 0-9 . _ -";
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public WorkerId {
        Objects.requireNonNull(value, "worker id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("worker id must be " + RULE);
        }
    }

    public static WorkerId of(String value) {
        return new WorkerId(value);
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
