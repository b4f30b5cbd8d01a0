package org.accessledger.connector.account;

/** Target accounts share the event store with workers, so their aggregate ids carry the target and a prefix. */
public final class TargetAccounts {

    private TargetAccounts() {
    }

    public static String idOf(String target, String workerId) {
        return "target-account:" + target + ":" + workerId;
    }
}
