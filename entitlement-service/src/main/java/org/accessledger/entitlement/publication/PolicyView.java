package org.accessledger.entitlement.publication;

import java.time.Instant;

/** A published policy version as an admin or auditor reads it. */
public record PolicyView(long version, String hash, String publishedBy, Instant publishedAt, String document) {
}
