package org.accessledger.entitlement.publication;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.error.RuleViolationException;
import org.accessledger.entitlement.policy.InvalidPolicyException;
import org.accessledger.entitlement.policy.PolicyParser;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

import static org.axonframework.modelling.command.AggregateCreationPolicy.CREATE_IF_MISSING;

/** The sequence of published access policy versions. */
@Aggregate
public class AccessPolicyHistory {

    @AggregateIdentifier
    private String policyId;
    private long version;
    private String hash;

    protected AccessPolicyHistory() {
    }

    @CommandHandler
    @CreationPolicy(CREATE_IF_MISSING)
    public PublishedVersion handle(PublishPolicy command, Clock clock) {
        return publish(command.document(), command.publishedBy(), command.confirmedBySimulation(), clock);
    }

    @CommandHandler
    @CreationPolicy(CREATE_IF_MISSING)
    public PublishedVersion handle(PublishFirstPolicy command, Clock clock) {
        return version > 0 ? new PublishedVersion(version, hash, false) : publish(command.document(), command.publishedBy(), null, clock);
    }

    private PublishedVersion publish(String document, String publishedBy, String confirmedBySimulation, Clock clock) {
        try {
            PolicyParser.parse(document);
        } catch (InvalidPolicyException e) {
            throw new RuleViolationException(ErrorCode.INVALID_POLICY, e.problems().get(0).path(), e.getMessage());
        }
        String newHash = sha256(document);
        if (newHash.equals(hash)) {
            return new PublishedVersion(version, hash, false);
        }
        if (confirmedBySimulation != null) {
            AggregateLifecycle.apply(new PolicyPublicationConfirmed(version + 1, newHash, confirmedBySimulation, publishedBy, clock.instant()));
        }
        AggregateLifecycle.apply(new PolicyPublished(version + 1, newHash, document, publishedBy, clock.instant()));
        return new PublishedVersion(version, hash, true);
    }

    @EventSourcingHandler
    void on(PolicyPublished event) {
        policyId = PublishPolicy.POLICY_ID;
        version = event.version();
        hash = event.hash();
    }

    /** The hash a version of {@code document} is known by. */
    public static String sha256(String document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
