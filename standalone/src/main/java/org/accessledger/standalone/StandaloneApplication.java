package org.accessledger.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** All three services in one JVM on the embedded default: H2 event store and in-process MongoDB under ./data. */
@SpringBootApplication(scanBasePackages = "org.accessledger")
public class StandaloneApplication {

    /** Axon's start-up update check calls a host on the internet; AccessLedger keeps to the hosts it is configured for. */
    static final String UPDATE_CHECK_OFF = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        System.setProperty(UPDATE_CHECK_OFF, System.getProperty(UPDATE_CHECK_OFF, "true"));
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
