package org.accessledger.entitlement.policy;

/** A published access policy: its version number, content hash and the validated rules. */
public record PolicyVersion(long version, String hash, AccessPolicy policy) {
}
