package org.accessledger.connector.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a target account should look like. {@code workerId} identifies the account in every target; the other fields
 * are the person's details a target keeps. Fields may be {@code null} when unknown. {@code managerId} is the manager's
 * worker id; a connector translates it into the target's own reference to the manager's account.
 */
public record AccountSpec(String workerId,
                          String givenName,
                          String familyName,
                          String email,
                          String workerType,
                          String department,
                          String managerId) {

    public static final String GIVEN_NAME = "givenName";
    public static final String FAMILY_NAME = "familyName";
    public static final String EMAIL = "email";
    public static final String WORKER_TYPE = "workerType";
    public static final String DEPARTMENT = "department";

    /** The person's details a target keeps, by attribute name; unknown ones left out. */
    public Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, GIVEN_NAME, givenName);
        put(attributes, FAMILY_NAME, familyName);
        put(attributes, EMAIL, email);
        put(attributes, WORKER_TYPE, workerType);
        put(attributes, DEPARTMENT, department);
        return attributes;
    }

    private static void put(Map<String, String> attributes, String name, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(name, value);
        }
    }

    public String displayName() {
        return (givenName == null ? "" : givenName + " ") + (familyName == null ? "" : familyName);
    }
}
