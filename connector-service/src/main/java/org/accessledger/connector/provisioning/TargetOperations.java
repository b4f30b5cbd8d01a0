package org.accessledger.connector.provisioning;

import io.micrometer.core.instrument.MeterRegistry;
import org.accessledger.connector.targets.Target;
import org.accessledger.connector.targets.Targets;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Each target's {@link ProvisioningOperations}, shared by its provisioner and whatever else sends it operations. */
public final class TargetOperations {

    private final Map<String, ProvisioningOperations> byTarget = new HashMap<>();

    TargetOperations(Targets targets, Supplier<CommandGateway> commands, MeterRegistry meters, Clock clock) {
        targets.all().forEach(target -> byTarget.put(target.name(), new ProvisioningOperations(target, commands, meters, clock)));
    }

    ProvisioningOperations of(Target target) {
        return byTarget.get(target.name());
    }
}
