package org.accessledger.api.access;

import java.util.Objects;
import java.util.regex.Pattern;

/** An entitlement of an application, written {@code application:entitlement}, e.g. {@code payroll:viewer}. */
public record EntitlementId(String value) {

    public static final String RULE = "application:entitlement, each part 1-64 characters of a-z 0-9 . _ - starting with a letter or digit";
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}:[a-z0-9][a-z0-9._-]{0,63}");

    public EntitlementId {
        Objects.requireNonNull(value, "entitlement id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("entitlement id '" + value + "' must be " + RULE);
        }
    }

    public static EntitlementId of(String value) {
        return new EntitlementId(value);
    }

    public static EntitlementId of(String application, String entitlement) {
        return new EntitlementId(application + ":" + entitlement);
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    public String application() {
        return value.substring(0, value.indexOf(':'));
    }

    public String entitlement() {
        return value.substring(value.indexOf(':') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
