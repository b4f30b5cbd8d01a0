package org.accessledger.connector;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The connector service alone, for split deployment: reads {@code application.yml} and then {@code connector-service.yml};
 * profile {@code postgres} or {@code axonserver} chooses the shared event store.
 */
@SpringBootApplication
public class ConnectorServiceApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        new SpringApplicationBuilder(ConnectorServiceApplication.class)
                .properties("spring.config.name=application,accessledger-service,connector-service")
                .run(args);
    }
}
