package org.accessledger.connector.provisioning;

import org.accessledger.connector.targets.Target;
import org.accessledger.connector.targets.Targets;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The segments each target's provisioning processor has in the token store. They are fixed when the processor first
 * stores its tokens, so a {@code concurrency} changed later is not in effect until they are split or merged: said at
 * start, and shown beside the setting by the targets API.
 */
public class ProvisioningSegments {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningSegments.class);

    private final Targets targets;
    private final Function<String, TokenStore> tokenStores;

    public ProvisioningSegments(Targets targets, Function<String, TokenStore> tokenStores) {
        this.targets = targets;
        this.tokenStores = tokenStores;
    }

    /** 0 before the processor has stored its first tokens. */
    public int of(Target target) {
        return tokenStores.apply(target.processingGroup()).fetchSegments(target.processingGroup()).length;
    }

    /** One line per target whose stored segments differ from its {@code concurrency}. */
    List<String> concurrencyNotInEffect() {
        List<String> lines = new ArrayList<>();
        for (Target target : targets.all()) {
            int stored = of(target);
            if (stored > 0 && stored != target.settings().concurrency()) {
                lines.add("accessledger.targets." + target.name() + ".concurrency is " + target.settings().concurrency() + ", but "
                        + target.processingGroup() + " has " + stored + " segments from its first start: at most that many"
                        + " workers' changes go to the target at once until they are split or merged");
            }
        }
        return lines;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhereConcurrencyIsNotInEffect() {
        concurrencyNotInEffect().forEach(log::warn);
    }
}
