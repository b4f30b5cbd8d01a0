package org.accessledger.entitlement.publication;

/** The answer to a publication: the version in force and whether this publication created it. */
public record PublishedVersion(long version, String hash, boolean created) {
}
