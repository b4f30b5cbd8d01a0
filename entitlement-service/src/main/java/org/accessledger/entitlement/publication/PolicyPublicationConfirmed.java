package org.accessledger.entitlement.publication;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A publication past the guard's limit went ahead, confirmed by the simulation of the very document that showed its impact. */
@Revision("1")
public record PolicyPublicationConfirmed(long version, String hash, String simulationId, String confirmedBy, Instant at) {
}
