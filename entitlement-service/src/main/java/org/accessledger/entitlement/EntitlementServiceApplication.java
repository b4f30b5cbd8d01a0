package org.accessledger.entitlement;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The entitlement service alone, for split deployment: reads {@code application.yml} and then {@code entitlement-service.yml};
 * profile {@code postgres} or {@code axonserver} chooses the shared event store.
 */
@SpringBootApplication
public class EntitlementServiceApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        new SpringApplicationBuilder(EntitlementServiceApplication.class)
                .properties("spring.config.name=application,accessledger-service,entitlement-service")
                .run(args);
    }
}
