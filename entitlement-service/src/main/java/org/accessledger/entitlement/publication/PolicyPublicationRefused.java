package org.accessledger.entitlement.publication;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The publication guard refused a document that would revoke more access than {@code accessledger.policy.publish-guard}
 * allows without a confirming simulation; nothing was published.
 */
@Revision("1")
public record PolicyPublicationRefused(String hash, int revocations, int workersLosing, int workers, String refusedTo, Instant at) {
}
