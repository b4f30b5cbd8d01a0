package org.accessledger.identity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The identity service alone, for split deployment: reads {@code application.yml} and then {@code identity-service.yml};
 * profile {@code postgres} or {@code axonserver} chooses the shared event store.
 */
@SpringBootApplication
public class IdentityServiceApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        new SpringApplicationBuilder(IdentityServiceApplication.class)
                .properties("spring.config.name=application,accessledger-service,identity-service")
                .run(args);
    }
}
