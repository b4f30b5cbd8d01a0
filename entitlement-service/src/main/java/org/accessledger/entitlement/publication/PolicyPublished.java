package org.accessledger.entitlement.publication;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A policy version took force. The whole document travels with it, so any decision can be replayed exactly. */
@Revision("1")
public record PolicyPublished(long version, String hash, String document, String publishedBy, Instant publishedAt) {
}
