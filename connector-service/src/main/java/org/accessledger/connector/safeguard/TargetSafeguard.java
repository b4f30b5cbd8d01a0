package org.accessledger.connector.safeguard;

import org.accessledger.connector.safeguard.SafeguardEvents.SafeguardReleased;
import org.accessledger.connector.safeguard.SafeguardEvents.SafeguardTripped;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateCreationPolicy.CREATE_IF_MISSING;

/** The audited history of one target's safeguard: each trip and each release. */
@Aggregate
public class TargetSafeguard {

    public record Trip(@TargetAggregateIdentifier String safeguardId, SafeguardTripped event) {
    }

    public record Release(@TargetAggregateIdentifier String safeguardId, SafeguardReleased event) {
    }

    @AggregateIdentifier
    private String safeguardId;

    protected TargetSafeguard() {
    }

    static String idOf(String target) {
        return "safeguard:" + target;
    }

    @CommandHandler
    @CreationPolicy(CREATE_IF_MISSING)
    void handle(Trip command) {
        AggregateLifecycle.apply(command.event());
    }

    @CommandHandler
    @CreationPolicy(CREATE_IF_MISSING)
    void handle(Release command) {
        AggregateLifecycle.apply(command.event());
    }

    @EventSourcingHandler
    void on(SafeguardTripped event) {
        safeguardId = idOf(event.target());
    }

    @EventSourcingHandler
    void on(SafeguardReleased event) {
        safeguardId = idOf(event.target());
    }
}
