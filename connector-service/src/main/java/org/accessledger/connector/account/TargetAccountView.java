package org.accessledger.connector.account;

import java.time.Instant;
import java.util.List;

/** One worker's account in one target: what the access decisions ask for beside what the target really has. */
public record TargetAccountView(String target,
                                String workerId,
                                Desired desired,
                                Actual actual,
                                Failure lastFailure) {

    /** {@code account} is ACTIVE while the worker is employed, DISABLED after the employment ended. */
    public record Desired(String account, List<String> entitlements) {
    }

    public record Actual(boolean exists, boolean disabled, List<String> entitlements, Instant lastChangedAt) {
    }

    /** {@code code}: the failure's kind where it has one of its own, such as {@code ACCOUNT_OWNED_BY_OTHER_WORKER}. */
    public record Failure(Operation operation, String entitlement, int attempts, String error, String code, Instant at) {
    }
}
