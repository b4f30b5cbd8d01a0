package org.accessledger.connector.spi;

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

    public String displayName() {
        return (givenName == null ? "" : givenName + " ") + (familyName == null ? "" : familyName);
    }
}
