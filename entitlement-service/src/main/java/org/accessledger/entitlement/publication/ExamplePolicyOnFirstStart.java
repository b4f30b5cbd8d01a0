package org.accessledger.entitlement.publication;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A fresh installation starts with the example policy as version 1, so a newcomer sees decisions at once. */
@Component
public class ExamplePolicyOnFirstStart implements ApplicationRunner {

    static final String EXAMPLE = "policy/example-policy.yaml";
    private static final Logger log = LoggerFactory.getLogger(ExamplePolicyOnFirstStart.class);

    private final CommandGateway commands;

    public ExamplePolicyOnFirstStart(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        PublishedVersion version;
        try {
            version = publishFirst();
        } catch (AggregateStreamCreationException e) {
            log.info("Another instance started the policy history at the same moment; asking again");
            version = publishFirst();
        }
        if (version.created()) {
            log.info("No access policy was published yet: published the example policy as version {}", version.version());
        }
    }

    private PublishedVersion publishFirst() {
        return commands.sendAndWait(new PublishFirstPolicy(examplePolicy(), "accessledger (first start)"));
    }

    static String examplePolicy() {
        try {
            return new ClassPathResource(EXAMPLE).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The example policy is missing from the build", e);
        }
    }
}
