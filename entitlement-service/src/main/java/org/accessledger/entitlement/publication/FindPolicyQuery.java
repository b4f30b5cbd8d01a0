package org.accessledger.entitlement.publication;

/** A published policy version; {@code null} asks for the one in force. */
public record FindPolicyQuery(Long version) {
}
