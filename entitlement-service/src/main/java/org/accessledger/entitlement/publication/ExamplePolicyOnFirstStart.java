package org.accessledger.entitlement.publication;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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
    private final QueryGateway queries;

    public ExamplePolicyOnFirstStart(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean published = queries.query(new FindPolicyQuery(null), ResponseTypes.optionalInstanceOf(PolicyView.class)).join().isPresent();
        if (!published) {
            PublishedVersion version = commands.sendAndWait(new PublishPolicy(examplePolicy(), "accessledger (first start)"));
            log.info("No access policy was published yet: published the example policy as version {}", version.version());
        }
    }

    static String examplePolicy() {
        try {
            return new ClassPathResource(EXAMPLE).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The example policy is missing from the build", e);
        }
    }
}
